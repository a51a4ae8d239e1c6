// CSV of a displayed table (RFC 4180, BOM so that Excel opens Cyrillic right). Pure.
export interface Column<R> {
  key: string;
  label: string;
  num?: boolean;
  value?: (row: R) => unknown;
}

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value ? c.value(r) : (r as Record<string, unknown>)[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadCsv(name: string, csv: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * "12.345" -> "12,3" in Russian, one decimal; null -> "—". From 0 to 999.9 (every rate) without
 * Intl, with Intl's digits (a page's first Intl call loads ICU's tables, 50–150 ms, which the first
 * chart's table need not wait for): like Intl, it rounds the shortest decimal that reads back as the
 * number, half away from zero (0.15 -> 0,2, where toFixed gives 0.1).
 */
export function formatRate(v: number | null | undefined, locale = 'ru'): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const digits = String(v);
  const m = /^(\d{1,3})(?:\.(\d)(\d?))?/.exec(digits);
  if (m && v < 999.95 && !digits.includes('e') && !Object.is(v, -0)) {
    const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0) + (Number(m[3] || 0) >= 5 ? 1 : 0);
    return `${Math.floor(tenths / 10)}${locale === 'ru' ? ',' : '.'}${tenths % 10}`;
  }
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
}
