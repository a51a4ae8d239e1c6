// The journal grid's model and keyboard map, pure so that it is tested table-driven.
export interface GridMark { id: string | null; value: string; workType: string }
export interface GridCell { marks: GridMark[]; absence: string | null }
export type CellKey = `${string}|${string}`;
export const cellKey = (lessonId: string, studentId: string): CellKey => `${lessonId}|${studentId}`;

export interface RawCell { kind: string; lessonId: string; studentId: string; id: string | null; value: string; workType: string | null }

export function cellsOf(rows: readonly RawCell[]): Map<CellKey, GridCell> {
  const map = new Map<CellKey, GridCell>();
  for (const r of rows) {
    const k = cellKey(r.lessonId, r.studentId);
    const c = map.get(k) ?? { marks: [], absence: null };
    if (r.kind === 'mark') c.marks.push({ id: r.id, value: r.value, workType: r.workType ?? 'oral' });
    else c.absence = r.value;
    map.set(k, c);
  }
  return map;
}

export type KeyAction =
  | { type: 'move'; dRow: number; dCol: number }
  | { type: 'mark'; value: string }
  | { type: 'absence'; status: 'absent' | 'sick' | 'excused' | 'late' }
  | { type: 'clear' }
  | { type: 'none' };

const absenceKeys: Record<string, 'absent' | 'sick' | 'excused' | 'late'> = {
  н: 'absent', n: 'absent', б: 'sick', b: 'sick', у: 'excused', u: 'excused', о: 'late', o: 'late',
};

/** What a key pressed on a grid cell does, for the school's mark scale. */
export function keyAction(key: string, scale: string): KeyAction {
  switch (key) {
    case 'ArrowUp': return { type: 'move', dRow: -1, dCol: 0 };
    case 'ArrowDown': case 'Enter': return { type: 'move', dRow: 1, dCol: 0 };
    case 'ArrowLeft': return { type: 'move', dRow: 0, dCol: -1 };
    case 'ArrowRight': return { type: 'move', dRow: 0, dCol: 1 };
    case 'Delete': case 'Backspace': return { type: 'clear' };
  }
  const k = key.toLowerCase();
  if (absenceKeys[k]) return { type: 'absence', status: absenceKeys[k] };
  if (scale === 'pass_fail') {
    if (k === 'з' || k === '+') return { type: 'mark', value: 'зач' };
    if (k === '-') return { type: 'mark', value: 'незач' };
    return { type: 'none' };
  }
  const max = scale === 'ten_point' ? 9 : 5;
  if (/^[1-9]$/.test(k) && Number(k) <= max) return { type: 'mark', value: k };
  if (k === '0' && scale === 'ten_point') return { type: 'mark', value: '10' };
  return { type: 'none' };
}

/** Moves within the grid, staying inside it. */
export function moveWithin(pos: { row: number; col: number }, a: { dRow: number; dCol: number }, rows: number, cols: number) {
  return { row: Math.min(Math.max(pos.row + a.dRow, 0), rows - 1), col: Math.min(Math.max(pos.col + a.dCol, 0), cols - 1) };
}

/** The short letter shown for an absence. */
export const absenceLetter: Record<string, string> = { absent: 'Н', sick: 'Б', excused: 'У', late: 'О' };

/** Field errors of an entry request (`marks[2].value`) mapped back to the student of that mark. */
export function markErrors(details: unknown, sent: readonly { studentId: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as { field?: string; reason?: string }[]) {
    const m = /^marks\[(\d+)\]/.exec(d.field ?? '');
    const s = m ? sent[Number(m[1])] : undefined;
    if (s) out.set(s.studentId, d.reason ?? 'ошибка');
  }
  return out;
}
