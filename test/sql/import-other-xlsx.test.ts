// A school from spreadsheet exports (roster + journal + finals in one folder) through the bundle
// importer into a real DuckDB file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importXlsx } from '../../ingest/xlsx/import-xlsx';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { makeWorkbook, setevoyJournal } from '../fixtures/imports/make-workbook';

let w: Warehouse;
const src = mkdtempSync(join(tmpdir(), 'h7-xsrc-'));
const rows = (sql: string) => w.withConnection(async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
const opts = { schoolId: 'sch-x', schoolName: 'Школа X', academicYear: '2025/2026', timezone: 'Asia/Yekaterinburg' };

beforeAll(async () => {
  w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-x-')), 'w.duckdb'));
  writeFileSync(join(src, 'roster.csv'), 'ФИО;Класс;Дата рождения;Классный руководитель\nПетрова Анна Игоревна;7Б;14.03.2012;Орлова Ольга\n'
    + 'Сидоров Борис;7Б;;Орлова Ольга\nАлексеев Вадим;7Б;;Орлова Ольга\n');
  await makeWorkbook(join(src, 'journal.xlsx'), [{ name: 'Математика', rows: setevoyJournal }]);
  await makeWorkbook(join(src, 'finals.xlsx'), [{ name: 'Итоги', rows: [['Класс: 7Б'], ['№', 'ФИО', 'Математика (I четв.)'],
    [1, 'Петрова Анна Игоревна', 5], [2, 'Сидоров Борис', 3], [3, 'Алексеев Вадим', 4]] }]);
});
afterAll(() => w.close());

describe('importXlsx', () => {
  it('imports a school folder; the same files again change nothing', async () => {
    const r = await importXlsx(w, src, opts);
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(r.written).toMatchObject({ schools: 1, students: 3, classes: 1, enrollments: 3, staff: 2, subjects: 1, groups: 1, lessons: 3, marks: 6, attendance: 3, final_marks: 3, periods: 1 });
    // the finals' author is the mathematics teacher (known from the journal), not the class teacher
    expect(await rows(`select s.full_name, f.value, t.full_name teacher from raw.final_marks f join raw.students s using (school_id, student_id)
      join raw.staff t on t.school_id = f.school_id and t.staff_id = f.entered_by order by 1`)).toEqual([
      { full_name: 'Алексеев Вадим', value: '4', teacher: 'Иванова Мария Петровна' },
      { full_name: 'Петрова Анна Игоревна', value: '5', teacher: 'Иванова Мария Петровна' },
      { full_name: 'Сидоров Борис', value: '3', teacher: 'Иванова Мария Петровна' }]);
    expect(await rows(`select s.full_name, a.status from raw.attendance a join raw.students s using (school_id, student_id) order by 1`)).toEqual([
      { full_name: 'Алексеев Вадим', status: 'late' }, { full_name: 'Петрова Анна Игоревна', status: 'absent' }, { full_name: 'Сидоров Борис', status: 'sick' }]);
    const again = await importXlsx(w, src, opts);
    expect(again.status).toBe('unchanged');
  });

  it('a journal without its class teacher is rejected, nothing written', async () => {
    const only = mkdtempSync(join(tmpdir(), 'h7-xonly-'));
    await makeWorkbook(join(only, 'journal.xlsx'), [{ name: 'Математика', rows: setevoyJournal }]);
    const before = await rows('select count(*)::int n from raw.marks');
    const r = await importXlsx(w, only, { ...opts, schoolId: 'sch-y' });
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => i.message)).toEqual([
      'journal.xlsx [Математика]: у класса 7Б не указан классный руководитель — добавьте список учащихся со столбцом «Классный руководитель» или укажите его при импорте']);
    expect(await rows('select count(*)::int n from raw.marks')).toEqual(before);
  });
});
