// Dates in third-party exports: ISO `2023-05-01`, ISO date-times, and slash dates like `1/05/2023`.
// A slash date is read day-first or month-first only when the same column proves the order
// (a value with a first part > 12 proves day-first); otherwise it is ambiguous and reported, never guessed.

export type SlashOrder = 'dmy' | 'mdy' | 'unknown' | 'conflict';
export type DateResult = { ok: string; note?: string } | { error: string; errorEn: string };

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:$|[ T])/;

export function slashOrder(values: Iterable<string>): SlashOrder {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = slash.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return dmy && mdy ? 'conflict' : dmy ? 'dmy' : mdy ? 'mdy' : 'unknown';
}

const valid = (y: number, m: number, d: number): boolean => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const pad = (n: number) => String(n).padStart(2, '0');

export function readDate(value: string, order: SlashOrder): DateResult {
  const i = iso.exec(value);
  if (i) {
    const [y, m, d] = [Number(i[1]), Number(i[2]), Number(i[3])];
    return valid(y, m, d) ? { ok: `${i[1]}-${i[2]}-${i[3]}` } : { error: `несуществующая дата «${value}»`, errorEn: `invalid date "${value}"` };
  }
  const s = slash.exec(value);
  if (s) {
    const [a, b, y] = [Number(s[1]), Number(s[2]), Number(s[3])];
    if (a === b) return valid(y, a, a) ? { ok: `${y}-${pad(a)}-${pad(a)}` } : { error: `несуществующая дата «${value}»`, errorEn: `invalid date "${value}"` };
    if (order === 'unknown' || order === 'conflict') {
      return {
        error: `дата «${value}» неоднозначна: ${a}.${b} или ${b}.${a}? В столбце нет значения, которое определяет порядок; укажите дату как ГГГГ-ММ-ДД`,
        errorEn: `ambiguous date "${value}" (day/month order not determined by the column)`,
      };
    }
    const [d, m] = order === 'dmy' ? [a, b] : [b, a];
    if (!valid(y, m, d)) return { error: `несуществующая дата «${value}»`, errorEn: `invalid date "${value}"` };
    return { ok: `${y}-${pad(m)}-${pad(d)}`, note: order === 'dmy' ? 'день/месяц' : 'месяц/день' };
  }
  return { error: `«${value}» — не дата (ожидается ГГГГ-ММ-ДД)`, errorEn: `"${value}" is not a date` };
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A timestamp with an offset or Z, kept as written (T separator); a missing offset is an error. */
export function readTimestamp(value: string): DateResult {
  const m = isoDateTime.exec(value);
  if (!m) return { error: `«${value}» — не дата и время ISO 8601`, errorEn: `"${value}" is not an ISO 8601 timestamp` };
  if (!m[1]) {
    return { error: `время «${value}» без смещения часового пояса`, errorEn: `timestamp "${value}" has no offset` };
  }
  const v = value.replace(' ', 'T');
  const t = new Date(v);
  if (Number.isNaN(t.getTime())) return { error: `несуществующее время «${value}»`, errorEn: `invalid timestamp "${value}"` };
  return { ok: v };
}
