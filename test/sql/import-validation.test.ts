// Every validation rule of the bundle spec: a fixture that breaks it, the exact issue (file, line,
// column, code), and a warehouse left exactly as it was.
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../ingest/bundle/import-bundle';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { baseBundle, copyBundle, editFile, freshWarehouse, rawState, rows, setLine } from '../fixtures/bundles/bundle-fixture';

type Where = { file: string; line: number | null; column: string | null; code: string };
const cases: Array<{ rule: string; breakIt: (dir: string) => void; expected: Where[] }> = [
  { rule: 'a required file is missing', breakIt: (d) => rmSync(join(d, 'lessons.csv')),
    expected: [{ file: 'lessons.csv', line: null, column: null, code: 'missing_file' }] },
  { rule: 'the manifest is missing', breakIt: (d) => rmSync(join(d, 'manifest.csv')),
    expected: [{ file: 'manifest.csv', line: null, column: null, code: 'missing_file' }] },
  { rule: 'a required column is missing', breakIt: (d) => editFile(d, 'subjects.csv', (t) => t.replace(/,[a-z_]+$/gm, '')),
    expected: [{ file: 'subjects.csv', line: 1, column: 'component', code: 'missing_column' }] },
  { rule: 'an unknown column', breakIt: (d) => editFile(d, 'staff.csv', (t) => t.replace(/\n/g, ',x\n').replace('email,x', 'email,note')),
    expected: [{ file: 'staff.csv', line: 1, column: 'note', code: 'unknown_column' }] },
  { rule: 'a column named twice', breakIt: (d) => editFile(d, 'subjects.csv', (t) => t.replace(/\n/g, ',x\n').replace('component,x', 'component,name')),
    expected: [{ file: 'subjects.csv', line: 1, column: 'name', code: 'duplicate_column' }] },
  { rule: 'an empty file', breakIt: (d) => writeFileSync(join(d, 'holidays.csv'), ''),
    expected: [{ file: 'holidays.csv', line: 1, column: null, code: 'empty_file' }] },
  { rule: 'an unknown file', breakIt: (d) => writeFileSync(join(d, 'notes.csv'), 'a\n1\n'),
    expected: [{ file: 'notes.csv', line: null, column: null, code: 'unknown_file' }] },
  { rule: 'text that is not UTF-8', breakIt: (d) => appendFileSync(join(d, 'staff.csv'),
      Buffer.concat([Buffer.from('E-X,'), Buffer.from([0xd8, 0xe8, 0xeb, 0xee, 0xe2]), Buffer.from(',other,\n')])),
    expected: [{ file: 'staff.csv', line: 5, column: 'full_name', code: 'bad_encoding' }] },
  { rule: 'a row with too few values', breakIt: (d) => appendFileSync(join(d, 'students.csv'), 'e9,Новиков Иван,2012-05-05\n'),
    expected: [{ file: 'students.csv', line: 6, column: 'iup', code: 'wrong_column_count' }] },
  { rule: 'broken quoting', breakIt: (d) => appendFileSync(join(d, 'students.csv'), 'e9,"Новиков" Иван,2012-05-05,false\n'),
    expected: [{ file: 'students.csv', line: 6, column: 'full_name', code: 'bad_quoting' }] },
  { rule: 'a required value is empty', breakIt: (d) => setLine(d, 'subjects.csv', 3, 'GEO,,federal'),
    expected: [{ file: 'subjects.csv', line: 3, column: 'name', code: 'missing_required' }] },
  { rule: 'a date not YYYY-MM-DD', breakIt: (d) => setLine(d, 'periods.csv', 2, 'Q1,1 четверть,quarter,2025-09-01,24.10.2025'),
    expected: [{ file: 'periods.csv', line: 2, column: 'ends_on', code: 'bad_date' }] },
  { rule: 'a date that does not exist', breakIt: (d) => setLine(d, 'students.csv', 3, 'e2,Баранова Полина,2012-02-30,false'),
    expected: [{ file: 'students.csv', line: 3, column: 'birth_date', code: 'bad_date' }] },
  { rule: 'a clock time not HH:MM', breakIt: (d) => editFile(d, 'lessons.csv', (t) => t.replace('EL1,G-PHY,2025-09-09,2,08:50', 'EL1,G-PHY,2025-09-09,2,8:50')),
    expected: [{ file: 'lessons.csv', line: 2, column: 'starts_at', code: 'bad_time' }] },
  { rule: 'a timestamp without an offset', breakIt: (d) => setLine(d, 'marks.csv', 7, 'EM6,EL5,e4,4,written,2,2025-10-25T10:00:00,E-T2,false,'),
    expected: [{ file: 'marks.csv', line: 7, column: 'entered_at', code: 'timestamp_without_offset' }] },
  { rule: 'a timestamp that is not one', breakIt: (d) => setLine(d, 'guardians.csv', 2, 'P1,e1,Алексеева Ирина Петровна,мать,,,given,вчера,web'),
    expected: [{ file: 'guardians.csv', line: 2, column: 'consent_recorded_at', code: 'bad_timestamp' }] },
  { rule: 'an integer that is not one', breakIt: (d) => setLine(d, 'classes.csv', 2, 'E-7B,семь,Б,E-T1,'),
    expected: [{ file: 'classes.csv', line: 2, column: 'grade', code: 'bad_int' }] },
  { rule: 'an integer out of range', breakIt: (d) => setLine(d, 'classes.csv', 2, 'E-7B,12,Б,E-T1,'),
    expected: [{ file: 'classes.csv', line: 2, column: 'grade', code: 'out_of_range' }] },
  { rule: 'a number with a decimal comma', breakIt: (d) => setLine(d, 'curriculum.csv', 2, 'E-7B,PHY,"68,5",2,'),
    expected: [{ file: 'curriculum.csv', line: 2, column: 'hours_per_year', code: 'bad_number' }] },
  { rule: 'a boolean not true/false', breakIt: (d) => setLine(d, 'students.csv', 4, 'e3,Виноградов Кирилл,2012-03-12,да'),
    expected: [{ file: 'students.csv', line: 4, column: 'iup', code: 'bad_bool' }] },
  { rule: 'a value outside its enum', breakIt: (d) => setLine(d, 'periods.csv', 2, 'Q1,1 четверть,semester,2025-09-01,2025-10-24'),
    expected: [{ file: 'periods.csv', line: 2, column: 'kind', code: 'bad_enum' }] },
  { rule: 'an error after a record spanning two lines', breakIt: (d) => appendFileSync(join(d, 'lessons.csv'), 'EL7,G-GEO,2025-10-21,4,11:00,11:45,E-T2,,,finished,,,,,,,,,\n'),
    expected: [{ file: 'lessons.csv', line: 9, column: 'status', code: 'bad_enum' }] },
  { rule: 'a mark outside the five-point scale', breakIt: (d) => setLine(d, 'marks.csv', 3, 'EM2,EL3,e2,6,oral,1,2025-09-10T19:05:00Z,E-T1,false,'),
    expected: [{ file: 'marks.csv', line: 3, column: 'value', code: 'bad_mark' }] },
  { rule: 'a final-only value as a current mark', breakIt: (d) => setLine(d, 'marks.csv', 3, 'EM2,EL3,e2,осв,oral,1,2025-09-10T19:05:00Z,E-T1,false,'),
    expected: [{ file: 'marks.csv', line: 3, column: 'value', code: 'bad_mark' }] },
  { rule: 'a final mark outside the scale', breakIt: (d) => setLine(d, 'final_marks.csv', 3, 'e2,PHY,Q1,7,2025-10-15T12:00:00+05:00,E-T1,,G-PHY'),
    expected: [{ file: 'final_marks.csv', line: 3, column: 'value', code: 'bad_mark' }] },
  { rule: 'a ten-point mark above 10', breakIt: (d) => {
    editFile(d, 'manifest.csv', (t) => t.replace('mark_scale,five_point', 'mark_scale,ten_point'));
    setLine(d, 'marks.csv', 2, 'EM1,EL3,e1,10,oral,1,2025-09-10T18:30:00Z,E-T1,false,');
    setLine(d, 'marks.csv', 3, 'EM2,EL3,e2,11,oral,1,2025-09-10T19:05:00Z,E-T1,false,');
  }, expected: [{ file: 'marks.csv', line: 3, column: 'value', code: 'bad_mark' }] },
  { rule: 'a pass/fail school with a number', breakIt: (d) => {
    editFile(d, 'manifest.csv', (t) => t.replace('mark_scale,five_point', 'mark_scale,pass_fail'));
    editFile(d, 'marks.csv', (t) => t.replace(/^(EM\d,EL\d,e\d),\d,/gm, '$1,зач,').replace('EM4,EL4,e2,зач', 'EM4,EL4,e2,4'));
    editFile(d, 'final_marks.csv', (t) => t.replace(/^(e\d,\w+,Q1),\d,/gm, '$1,незач,'));
  }, expected: [{ file: 'marks.csv', line: 5, column: 'value', code: 'bad_mark' }] },
  { rule: 'a final mark without value or deferral', breakIt: (d) => setLine(d, 'final_marks.csv', 9, 'e3,GEO,Q1,,,,,G-GEO'),
    expected: [{ file: 'final_marks.csv', line: 9, column: 'value', code: 'missing_final_value' }] },
  { rule: 'a final mark without its entry time', breakIt: (d) => setLine(d, 'final_marks.csv', 2, 'e1,PHY,Q1,5,,E-T1,,G-PHY'),
    expected: [{ file: 'final_marks.csv', line: 2, column: 'entered_at', code: 'missing_required' }] },
  { rule: 'a duplicate id', breakIt: (d) => appendFileSync(join(d, 'marks.csv'), 'EM3,EL4,e1,4,control,2,2025-10-20T20:00:00+05:00,E-T1,false,\n'),
    expected: [{ file: 'marks.csv', line: 9, column: 'mark_id', code: 'duplicate_id' }] },
  { rule: 'a duplicate composite key', breakIt: (d) => appendFileSync(join(d, 'enrollments.csv'), 'e1,E-7B,2025-09-01,,moved_class,\n'),
    expected: [{ file: 'enrollments.csv', line: 6, column: 'student_id', code: 'duplicate_id' }] },
  { rule: 'a dangling reference', breakIt: (d) => setLine(d, 'marks.csv', 3, 'EM2,ELX,e2,4,oral,1,2025-09-10T19:05:00Z,E-T1,false,'),
    expected: [{ file: 'marks.csv', line: 3, column: 'lesson_id', code: 'dangling_reference' }] },
  { rule: 'a manifest without a required key', breakIt: (d) => editFile(d, 'manifest.csv', (t) => t.replace('timezone,Asia/Yekaterinburg\n', '')),
    expected: [{ file: 'manifest.csv', line: null, column: 'timezone', code: 'missing_key' }] },
  { rule: 'an unknown time zone', breakIt: (d) => setLine(d, 'manifest.csv', 8, 'timezone,Europe/Ekaterinburg'),
    expected: [{ file: 'manifest.csv', line: 8, column: 'timezone', code: 'bad_timezone' }] },
  { rule: 'an unknown manifest key', breakIt: (d) => appendFileSync(join(d, 'manifest.csv'), 'principal,Носова Е. В.\n'),
    expected: [{ file: 'manifest.csv', line: 15, column: 'key', code: 'unknown_key' }] },
  { rule: 'another bundle version', breakIt: (d) => setLine(d, 'manifest.csv', 3, 'version,2'),
    expected: [{ file: 'manifest.csv', line: 3, column: 'version', code: 'bad_enum' }] },
  { rule: 'an export time without an offset', breakIt: (d) => setLine(d, 'manifest.csv', 14, 'exported_at,2025-11-05T12:00:00'),
    expected: [{ file: 'manifest.csv', line: 14, column: 'exported_at', code: 'timestamp_without_offset' }] },
];

describe('bundle validation', () => {
  let w: Warehouse;
  let before: Record<string, string>;
  beforeAll(async () => {
    w = await freshWarehouse();
    expect((await importBundle(w, baseBundle)).status).toBe('applied');
    before = await rawState(w);
  });
  afterAll(() => w.close());

  it.each(cases)('rejects $rule, leaving the warehouse as it was', async ({ breakIt, expected }) => {
    const dir = copyBundle();
    breakIt(dir);
    const report = await importBundle(w, dir);
    expect(report.issues.map(({ file, line, column, code }) => ({ file, line, column, code }))).toEqual(expected);
    expect(report.status).toBe('rejected');
    expect(await rawState(w)).toEqual(before);
  });

  it('words the timestamp error as the regulation asks: where, what, how to fix', async () => {
    const dir = copyBundle();
    setLine(dir, 'marks.csv', 7, 'EM6,EL5,e4,4,written,2,2025-10-25T10:00:00,E-T2,false,');
    const [issue] = (await importBundle(w, dir)).issues;
    expect(issue?.message).toBe('marks.csv, строка 7, поле entered_at: время без смещения часового пояса «2025-10-25T10:00:00» — укажите, например, +05:00');
    expect(issue?.logMessage).toBe('marks.csv, line 7, column entered_at: timestamp without a UTC offset "2025-10-25T10:00:00"');
  });

  it('records every rejected import as a batch with its audit link', async () => {
    const dir = copyBundle();
    setLine(dir, 'subjects.csv', 3, 'GEO,,federal');
    const report = await importBundle(w, dir, { actor: 'test' });
    const [batch] = await rows(w, 'select status, rejected, actor, school_id from raw.import_batch where batch_id = $id', { id: report.batchId });
    expect(batch).toEqual({ status: 'rejected', rejected: 1, actor: 'test', school_id: 'E1' });
    const [stored] = await rows(w, `select json_extract(counts, '$."subjects.csv"')::varchar as subjects, len(json_keys(file_hashes))::integer as files,
      source, format, content_hash from raw.import_batch where batch_id = $id`, { id: report.batchId });
    expect(stored).toEqual({ subjects: '{"read":2,"accepted":1,"rejected":1}', files: 22, source: dir, format: 'bundle', content_hash: report.contentHash });
    const [audit] = await rows(w, 'select action, actor from raw.audit_log where entity_id = $id', { id: report.batchId });
    expect(audit).toEqual({ action: 'import.rejected', actor: 'test' });
  });
});
