// OneRoster through the real bundle importer into a real DuckDB file: counts, idempotence, errors
// mapped back to the source line, nothing written on rejection, delta exports.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOneRoster } from '../../ingest/oneroster/import-oneroster';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';

const F = '/work/shared/fixtures/oneroster';
const gradebook = 'test/fixtures/imports/oneroster-gradebook';
let w: Warehouse;
const rows = (sql: string) => w.withConnection(async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
const count = async (t: string) => Number((await rows(`select count(*)::int n from raw.${t}`))[0]!.n);
const snapshot = async () => Object.fromEntries(await Promise.all(['schools', 'students', 'staff', 'marks', 'lessons', 'groups', 'import_batch']
  .map(async (t) => [t, await count(t)])));

beforeAll(async () => { w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-or-')), 'w.duckdb')); });
afterAll(() => w.close());

describe('importOneRoster', () => {
  it('imports our gradebook fixture, and a second time changes nothing', async () => {
    const r = await importOneRoster(w, gradebook, { timezone: 'Asia/Yekaterinburg', actor: 'admin1' });
    expect(r.status).toBe('applied');
    expect(r.format).toBe('oneroster');
    expect(r.written).toMatchObject({ schools: 1, periods: 2, staff: 1, students: 2, classes: 1, enrollments: 2, groups: 1, lessons: 2, marks: 3, guardians: 1 });
    expect(await rows("select mark_id, value, strftime(entered_at at time zone 'UTC', '%Y-%m-%d %H:%M') utc from raw.marks order by 1")).toEqual([
      { mark_id: 'res1', value: '5', utc: '2025-09-08 07:30' }, { mark_id: 'res2', value: '4', utc: '2025-09-09 10:00' }, { mark_id: 'res3', value: '3', utc: '2025-09-15 07:00' }]);
    expect(r.warnings.map((x) => x.code)).toContain('absent_in_source');
    const again = await importOneRoster(w, gradebook, { timezone: 'Asia/Yekaterinburg' });
    expect(again.status).toBe('unchanged');
    expect(await count('marks')).toBe(3);
  });

  it('each third-party fixture: imports with its counts or is rejected with the exact message, writing nothing', async () => {
    const full = await importOneRoster(w, `${F}/v1p2-catalyst/Test_full_data_set.zip`);
    expect(full.status).toBe('applied');
    expect(full.written).toMatchObject({ periods: 3, staff: 2, students: 4, guardians: 1, groups: 1, group_members: 2, subjects: 1 });
    const v12 = await importOneRoster(w, `${F}/v1p2-catalyst/v1p2_full_dataset.zip`);
    expect(v12.status).toBe('applied');
    expect(v12.written).toMatchObject({ staff: 3, students: 4 });
    const before = await snapshot();
    const minimal = await importOneRoster(w, `${F}/v1p2-catalyst/Test_minimal_data_set.zip`);
    expect(minimal.status).toBe('rejected');
    expect(minimal.issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([['classes.csv', 3, 'grades', 'bad_grade']]);
    const oat = await importOneRoster(w, `${F}/v1p1-oat-sa`);
    expect(oat.status).toBe('rejected');
    expect(oat.issues.map((i) => i.code)).toEqual(['no_school_year']);
    // rejected imports are recorded as batches, nothing else changes
    expect(await snapshot()).toEqual({ ...before, import_batch: before.import_batch + 2 });
  });

  it('partial: the good rows of a delta export load on a new school; a second delta is refused', async () => {
    const r = await importOneRoster(w, `${F}/v1p2-catalyst/oneroster_test_data.zip`, { partial: true });
    expect(r.status).toBe('applied');
    expect(r.issues.map((i) => [i.file, i.line, i.code])).toEqual([['classes.csv', 2, 'no_teacher']]);
    expect(await rows("select student_id, full_name, birth_date::varchar b from raw.students where school_id = 'ORG_1'")).toEqual([
      { student_id: 'USER_0', full_name: 'Wayne Bruce', b: '2010-04-17' }]);
    const again = await importOneRoster(w, `${F}/v1p2-catalyst/oneroster_test_data.zip`, { partial: true });
    expect(again.status).toBe('rejected');
    expect(again.issues.map((i) => i.code)).toContain('oneroster_delta');
  });

  it('maps an error found by the bundle importer back to the OneRoster line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h7-or-dup-'));
    cpSync(gradebook, dir, { recursive: true });
    writeFileSync(join(dir, 'results.csv'), 'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score\n'
      + 'x1,active,2025-09-08T12:30:00+05:00,li1,s1,fully graded,5\nx1,active,2025-09-08T12:31:00+05:00,li1,s2,fully graded,4\n');
    const before = await snapshot();
    const r = await importOneRoster(w, dir, { timezone: 'Asia/Yekaterinburg' });
    expect(r.status).toBe('rejected');
    const dup = r.issues.find((i) => i.code === 'duplicate_id')!;
    expect([dup.file, dup.line, dup.column]).toEqual(['results.csv', 3, 'sourcedId']);
    expect(dup.message.startsWith('results.csv, строка 3, поле sourcedId (после преобразования — marks.csv, строка 3')).toBe(true);
    expect(await snapshot()).toEqual({ ...before, import_batch: before.import_batch + 1 });
  });

  it('dry run: counts per table of what would be added, changed and removed, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h7-or-dry-'));
    cpSync(gradebook, dir, { recursive: true });
    // res1 kept, res2 4 -> 3, res3 gone, res6 new
    writeFileSync(join(dir, 'results.csv'), 'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,comment\n'
      + 'res1,active,2025-09-08T12:30:00+05:00,li1,s1,fully graded,5,\nres2,active,2025-09-09T10:00:00Z,li1,s2,fully graded,3,"с опозданием, но верно"\n'
      + 'res6,active,2025-09-15T12:00:00+05:00,li2,s2,fully graded,4,\n');
    const before = await snapshot();
    const r = await importOneRoster(w, dir, { timezone: 'Asia/Yekaterinburg', dryRun: true });
    expect(r.status).toBe('dry_run');
    expect(r.changes!['sch-1']!.marks).toEqual({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    expect(r.changes!['sch-1']!.students).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 2 });
    expect(r.changes!['sch-1']!.lessons).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 2 });
    expect(await snapshot()).toEqual({ ...before, import_batch: before.import_batch + 1 });
  });

  it('caps the issues listed in the report and counts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h7-or-cap-'));
    cpSync(gradebook, dir, { recursive: true });
    writeFileSync(join(dir, 'results.csv'), 'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score\n'
      + ['a', 'b', 'c'].map((id) => `${id},active,2025-09-08T12:30:00+05:00,li1,s1,fully graded,85\n`).join(''));
    const r = await importOneRoster(w, dir, { timezone: 'Asia/Yekaterinburg', maxIssues: 1 });
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([[2, 'bad_mark']]);
    expect([r.issuesOmitted, r.rejectedRows]).toEqual([2, 3]);
  });
});
