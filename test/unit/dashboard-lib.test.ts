import { describe, expect, it } from 'vitest';
import { cellsOf, keyAction, markErrors, moveWithin } from '../../dashboard/src/lib/journal-grid';
import { lateText } from '../../dashboard/src/lib/late-text';
import { formatRate, toCsv } from '../../dashboard/src/lib/to-csv';
import { pivot } from '../../dashboard/src/lib/pivot';
import { currentPeriod, type PeriodRef } from '../../dashboard/src/stores/reference';
import { normaliseMe } from '../../dashboard/src/stores/session';

describe('journal grid keys', () => {
  it.each([
    ['ArrowUp', 'five_point', { type: 'move', dRow: -1, dCol: 0 }], ['Enter', 'five_point', { type: 'move', dRow: 1, dCol: 0 }],
    ['ArrowRight', 'five_point', { type: 'move', dRow: 0, dCol: 1 }], ['5', 'five_point', { type: 'mark', value: '5' }],
    ['6', 'five_point', { type: 'none' }], ['9', 'ten_point', { type: 'mark', value: '9' }], ['0', 'ten_point', { type: 'mark', value: '10' }],
    ['0', 'five_point', { type: 'none' }], ['н', 'five_point', { type: 'absence', status: 'absent' }], ['N', 'five_point', { type: 'absence', status: 'absent' }],
    ['б', 'five_point', { type: 'absence', status: 'sick' }], ['о', 'five_point', { type: 'absence', status: 'late' }],
    ['Delete', 'five_point', { type: 'clear' }], ['Backspace', 'ten_point', { type: 'clear' }],
    ['+', 'pass_fail', { type: 'mark', value: 'зач' }], ['-', 'pass_fail', { type: 'mark', value: 'незач' }], ['5', 'pass_fail', { type: 'none' }],
    ['x', 'five_point', { type: 'none' }],
  ] as const)('%s on %s', (key, scale, action) => expect(keyAction(key, scale)).toEqual(action));

  it.each([
    [{ row: 0, col: 0 }, { dRow: -1, dCol: 0 }, { row: 0, col: 0 }],
    [{ row: 2, col: 3 }, { dRow: 1, dCol: 1 }, { row: 2, col: 3 }],
    [{ row: 1, col: 1 }, { dRow: 1, dCol: -1 }, { row: 2, col: 0 }],
  ])('moves %j by %j within 3×4 to %j', (pos, d, to) => expect(moveWithin(pos, d, 3, 4)).toEqual(to));

  it('groups marks and the absence of each cell', () => {
    const cells = cellsOf([
      { kind: 'mark', lessonId: 'L1', studentId: 's1', id: 'm1', value: '5', workType: 'oral' },
      { kind: 'mark', lessonId: 'L1', studentId: 's1', id: 'm2', value: '4', workType: null },
      { kind: 'attendance', lessonId: 'L1', studentId: 's2', id: null, value: 'sick', workType: null },
    ]);
    expect(cells.get('L1|s1')).toEqual({ marks: [{ id: 'm1', value: '5', workType: 'oral' }, { id: 'm2', value: '4', workType: 'oral' }], absence: null });
    expect(cells.get('L1|s2')).toEqual({ marks: [], absence: 'sick' });
  });

  it('maps field errors of a marks request back to students', () => {
    const errors = markErrors([{ field: 'marks[1].value', reason: 'не оценка' }, { field: 'lessonId', reason: 'x' }], [{ studentId: 'a' }, { studentId: 'b' }]);
    expect([...errors]).toEqual([['b', 'не оценка']]);
  });
});

describe('formats', () => {
  it.each([[null, null], [0, '0 мин'], [5, '5 мин'], [60, '1 ч'], [1445, '1 д 5 мин'], [3600, '2 д 12 ч'], [-3600, '−2 д 12 ч']])('late %s = %s', (m, text) =>
    expect(lateText(m)).toBe(text));
  it.each([[66.666, '66,7'], [100, '100,0'], [null, '—']])('rate %s = %s', (v, text) => expect(formatRate(v)).toBe(text));
  it('writes CSV with a BOM, quotes and CRLF', () => {
    const csv = toCsv([{ key: 'a', label: 'Класс' }, { key: 'b', label: 'Тема', value: (r: { b: string }) => r.b.toUpperCase() }], [{ a: '7Б', b: 'дроби, "проценты"' }]);
    expect(csv).toBe('\uFEFFКласс,Тема\r\n7Б,"ДРОБИ, ""ПРОЦЕНТЫ"""\r\n');
  });
  it('pivots rows by name order', () => {
    const p = pivot([{ s: 'b', n: 'Борис', c: 'M', v: 4 }, { s: 'a', n: 'Анна', c: 'F', v: null }], (r) => [r.s, r.n], (r) => [r.c, r.c === 'M' ? 'Математика' : 'Физика'], (r) => r.v);
    expect(p.rows.map((r) => r.name)).toEqual(['Анна', 'Борис']);
    expect(p.cols.map((c) => c.id)).toEqual(['M', 'F']);
    expect(p.cell.get('b|M')).toBe(4);
  });
});

describe('default period and session', () => {
  const periods: PeriodRef[] = [
    { id: 'Q1', name: '1', kind: 'quarter', startsOn: '2025-09-01', endsOn: '2025-10-24' },
    { id: 'Q2', name: '2', kind: 'quarter', startsOn: '2025-11-05', endsOn: '2025-12-28' },
    { id: 'H1', name: 'п1', kind: 'half_year', startsOn: '2025-09-01', endsOn: '2025-12-28' },
    { id: 'Y', name: 'Год', kind: 'year', startsOn: '2025-09-01', endsOn: '2026-05-29' },
  ];
  it.each([['2025-09-10', 'Q1'], ['2025-11-10', 'Q1'], ['2025-12-28', 'Q2'], ['2026-06-10', 'Q2']])('on %s shows %s', (day, id) =>
    expect(currentPeriod(periods, day)?.id).toBe(id));
  it('reads /auth/me', () => {
    expect(normaliseMe({ login: 't', role: 'teacher', staffId: 'T1', csrfToken: 'x', allowed: { schools: ['S1'], classes: ['C'], groups: 'all', students: [], writableGroups: ['G'] } }))
      .toMatchObject({ schoolId: 'S1', classIds: ['C'], groupIds: null, studentIds: [], writableGroups: ['G'], staffId: 'T1', csrfToken: 'x' });
  });
});
