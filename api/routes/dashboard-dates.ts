import { ValidationError } from '../../common/errors';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

/** A [from, to] window of dates: given ones checked, else `span` days ending at `to` (default today). */
export function dateWindow(from: string | undefined, to: string | undefined, span: number, today = iso(new Date())): { from: string; to: string } {
  const end = to ?? (from ? addDays(from, span) : today);
  const start = from ?? addDays(end, -span);
  if (start > end) throw new ValidationError('bad_dates', `Дата «с» (${start}) позже даты «по» (${end}). Исправьте период.`, `from ${start} after to ${end}`);
  if (Date.parse(end) - Date.parse(start) > 370 * 86_400_000) {
    throw new ValidationError('bad_dates', 'Период длиннее учебного года. Выберите период короче.', 'date window longer than a year');
  }
  return { from: start, to: end };
}

/** The Monday of the week holding the date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((d.getUTCDay() + 6) % 7));
}
export { addDays };
