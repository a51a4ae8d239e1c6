import type { SheetRow } from './read-sheets';

const notAStudent = /^(итого|всего|средн|количество|кол-во|подпись)/iu;

/** The student's full name of a data row, '' for a blank or a summary row. */
export function studentName(row: SheetRow, map: Record<string, number>): string {
  const at = (f: string) => (map[f] !== undefined ? (row.cells[map[f]!] ?? '').trim() : '');
  const name = map.student !== undefined ? at('student') : [at('last_name'), at('first_name'), at('middle_name')].filter(Boolean).join(' ');
  const clean = name.replace(/\s+/g, ' ').trim();
  return notAStudent.test(clean) ? '' : clean;
}

/** Column letter(s) as Excel shows them: 0 -> A, 27 -> AB. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
