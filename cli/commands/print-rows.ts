import { ValidationError } from '../../common/errors';

/** Prints rows as JSON (one array), CSV (RFC 4180, header row) or an aligned text table. */
export function printRows(rows: Record<string, unknown>[], format: string, columns?: string[]): void {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (format === 'json') {
    console.log(JSON.stringify(rows, null, 1));
  } else if (format === 'csv') {
    const cell = (v: unknown) => {
      if (v === null || v === undefined) return '';
      const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))];
    process.stdout.write(`${lines.join('\n')}\n`);
  } else if (format === 'table') {
    const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
    const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
    console.log(line(cols));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    for (const r of rows) console.log(line(cols.map((c) => text(r[c]))));
    console.log(`(${rows.length} строк)`);
  } else {
    throw new ValidationError('bad_format', `Неизвестный формат «${format}»: ожидается json, csv или table`, `bad format ${format}`);
  }
}
