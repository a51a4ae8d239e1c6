// OneRoster export -> import keeps every mapped field: a school imported from OneRoster (and one
// from the example bundle, rostering and marks only) is exported as OneRoster 1.2 and imported into a
// second warehouse; the mapped columns of every mapped table must be equal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { exportOneRoster } from '../../ingest/oneroster/export-oneroster';
import { importOneRoster } from '../../ingest/oneroster/import-oneroster';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';

const mapped: Record<string, string> = {
  schools: 'school_id, school_name',
  periods: 'period_id, name, kind, starts_on::varchar, ends_on::varchar',
  subjects: 'subject_id, name, component',
  staff: 'staff_id, full_name, position, email',
  students: 'student_id, full_name, birth_date::varchar',
  guardians: 'guardian_id, student_id, full_name, relation, email, phone',
  classes: 'class_id, grade, letter, class_teacher_id, profile',
  enrollments: 'student_id, class_id, from_date::varchar, to_date::varchar',
  groups: 'group_id, subject_id, class_id, name, kind, teacher_id',
  group_members: 'group_id, student_id, from_date::varchar, to_date::varchar',
  marks: "mark_id, lesson_id, student_id, value, work_type, epoch(entered_at), entered_by, comment",
};
let a: Warehouse;
let b: Warehouse;
const dump = (w: Warehouse, school: string) => w.withConnection(async (c) => {
  const out: Record<string, unknown[]> = {};
  for (const [t, cols] of Object.entries(mapped)) {
    out[t] = (await c.runAndReadAll(`select ${cols} from raw.${t} where school_id = $s order by all`, { s: school })).getRows().map((r) => r.map(String));
  }
  return out;
});

beforeAll(async () => {
  a = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-rt-a-')), 'w.duckdb'));
  b = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-rt-b-')), 'w.duckdb'));
});
afterAll(() => { a.close(); b.close(); });

describe('OneRoster round trip', () => {
  it('OneRoster fixture -> warehouse -> OneRoster 1.2 -> warehouse keeps every mapped field', async () => {
    expect((await importOneRoster(a, 'test/fixtures/imports/oneroster-gradebook', { timezone: 'Asia/Yekaterinburg' })).status).toBe('applied');
    const dir = mkdtempSync(join(tmpdir(), 'h7-rt-or-'));
    const files = await exportOneRoster(a, 'sch-1', dir);
    expect(files.map((f) => `${f.file}:${f.rows}`)).toEqual(expect.arrayContaining(['users.csv:4', 'results.csv:3', 'lineItems.csv:2', 'classes.csv:2']));
    const back = await importOneRoster(b, dir, { timezone: 'Asia/Yekaterinburg' });
    expect(back.issues).toEqual([]);
    expect(back.status).toBe('applied');
    const [x, y] = [await dump(a, 'sch-1'), await dump(b, 'sch-1')];
    expect(y).toEqual(x);
    expect(x.marks).toHaveLength(3);
  });

  it('the example bundle: rostering, groups and marks survive export -> import', async () => {
    const r = await importBundle(a, '/work/shared/examples/yekaterinburg-7b/bundle');
    expect(r.status).toBe('applied');
    const school = r.schoolId!;
    const dir = mkdtempSync(join(tmpdir(), 'h7-rt-ex-'));
    await exportOneRoster(a, school, dir);
    const back = await importOneRoster(b, dir, { timezone: 'Asia/Yekaterinburg' });
    expect(back.issues).toEqual([]);
    const [x, y] = [await dump(a, school), await dump(b, school)];
    for (const t of Object.keys(mapped)) expect([t, y[t]]).toEqual([t, x[t]]);
    for (const t of ['students', 'staff', 'groups', 'marks', 'enrollments']) expect([t, x[t]!.length > 0]).toEqual([t, true]);
  });
});
