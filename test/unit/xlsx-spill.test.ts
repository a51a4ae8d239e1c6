// Big journals write their marks and attendance to disk as they are converted (ingest/xlsx/spill-table.ts).
// spillFrom: 1 sends the small hand-checked fixtures down that path: the bundle written, the issues and
// the provenance of every row must be those of the in-memory conversion.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftRows, sourceOf, writeBundleDraft } from '../../ingest/oneroster/bundle-draft';
import { convertXlsx, type XlsxConversion } from '../../ingest/xlsx/convert-xlsx';
import { makeWorkbook, setevoyJournal } from '../fixtures/imports/make-workbook';

const dir = mkdtempSync(join(tmpdir(), 'h7-spill-'));
const base = { schoolId: 'sch', academicYear: '2025/2026', timezone: 'Asia/Yekaterinburg', classTeacher: 'Орлова Ольга' };

function expectSame(memory: XlsxConversion, spilled: XlsxConversion, counts: Record<string, number>): void {
  expect(spilled.issues).toEqual(memory.issues);
  const [a, b] = [mkdtempSync(join(tmpdir(), 'h7-mem-')), mkdtempSync(join(tmpdir(), 'h7-spl-'))];
  writeBundleDraft(memory.draft!, a);
  writeBundleDraft(spilled.draft!, b);
  expect(readdirSync(b)).toEqual(readdirSync(a));
  for (const f of readdirSync(a)) expect(`${f}:\n${readFileSync(join(b, f), 'utf8')}`).toBe(`${f}:\n${readFileSync(join(a, f), 'utf8')}`);
  for (const [file, n] of Object.entries(counts)) {
    expect(memory.draft!.files[file as 'marks']!.rows).toHaveLength(n);
    expect(spilled.draft!.files[file as 'marks']!.spill!.count).toBe(n);
    for (let line = 2; line < n + 3; line++) expect(sourceOf(spilled.draft!, `${file}.csv`, line)).toEqual(sourceOf(memory.draft!, `${file}.csv`, line));
  }
}

describe('spilled marks and attendance', () => {
  it('one journal: same bundle bytes, issues and provenance as in memory', async () => {
    await makeWorkbook(join(dir, 'sg.xlsx'), [{ name: 'Лист1', rows: setevoyJournal }]);
    const memory = await convertXlsx(join(dir, 'sg.xlsx'), base);
    const spilled = await convertXlsx(join(dir, 'sg.xlsx'), { ...base, spillFrom: 1 });
    // hand-counted in test/unit/xlsx-profiles.test.ts: 6 marks, 3 absences
    expectSame(memory, spilled, { marks: 6, attendance: 3 });
    expect(sourceOf(spilled.draft!, 'marks.csv', 2)).toEqual({ file: 'sg.xlsx [Лист1]', line: 7, columns: { value: 'C', student_id: 'B' } });
    // the preview's first rows and a dry run's full read give the rows as in memory
    const asText = (rs: Record<string, string>[]) => rs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
    expect(asText(draftRows(spilled.draft!, 'marks', 2))).toEqual(memory.draft!.files.marks!.rows.slice(0, 2));
    expect(asText(draftRows(spilled.draft!, 'attendance'))).toEqual(memory.draft!.files.attendance!.rows);
    spilled.dispose?.();
  });

  it('two sheets with the same lessons: the first occurrence wins, as in memory', async () => {
    const second = setevoyJournal.map((r, i) => (i === 6 ? [1, 'Петрова Анна Игоревна', 2, '', '3'] : r));
    await makeWorkbook(join(dir, 'twice.xlsx'), [{ name: 'А', rows: setevoyJournal }, { name: 'Б', rows: second }]);
    const memory = await convertXlsx(join(dir, 'twice.xlsx'), base);
    const spilled = await convertXlsx(join(dir, 'twice.xlsx'), { ...base, spillFrom: 2 });
    expectSame(memory, spilled, { marks: 6, attendance: 3 });
    spilled.dispose?.();
  });
});
