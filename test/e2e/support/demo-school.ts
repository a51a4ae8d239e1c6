import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDistrict } from '../../../ingest/demo/generate-district';
import { importBundle } from '../../../ingest/bundle/import-bundle';
import { setupDemoAccounts } from '../../../api/auth/demo-accounts';
import { openWarehouse, type Warehouse } from '../../../warehouse/open-warehouse';
import { runModels } from '../../../warehouse/run-models';

export interface DemoSchool {
  warehouse: Warehouse;
  dir: string;
  schoolId: string;
  today: string;
  passwords: Record<string, string>;
  /** the lesson added for today to the demo teacher's first group, nothing entered yet */
  todayLesson: { id: string; groupId: string; teacherId: string };
}

const q = async (w: Warehouse, sql: string, params: Record<string, string> = {}) =>
  w.withConnection(async (c) => (await c.runAndReadAll(sql, params)).getRowObjectsJson());

/**
 * A generated school (`svodka demo --schools 1 --seed 3 --students 200 --year 2026/2027`) imported
 * into a fresh warehouse, with demo accounts. The timetable gets one lesson today (00:00–00:01 in the
 * school's zone, so it has already taken place) for the demo teacher: the lesson an e2e test enters.
 * The generator writes a whole year; finals of periods not ended by today are dropped, so that the
 * year is in progress as of today (a final would lock its period against entries); likewise the
 * guardians' acknowledgements of days to come.
 */
export async function demoSchool(): Promise<DemoSchool> {
  const dir = mkdtempSync(join(tmpdir(), 'svodka-e2e-'));
  const out = join(dir, 'demo');
  const result = generateDistrict({ schools: 1, seed: 3, outDir: out, year: '2026/2027', students: 200 });
  const warehouse = await openWarehouse(join(dir, 'w.duckdb'));
  const report = await importBundle(warehouse, result.schools[0]!.dir);
  if (report.status !== 'applied') throw new Error(`demo import ${report.status}: ${JSON.stringify(report.issues.slice(0, 3))}`);
  const accounts = await setupDemoAccounts(warehouse);
  const passwords = Object.fromEntries(accounts.map((a) => [a.login, a.password!]));
  const [school] = await q(warehouse, 'select school_id, timezone, strftime(timezone(timezone, now())::date, \'%Y-%m-%d\') as today from raw.schools');
  const schoolId = String(school!.school_id);
  const [teacher] = await q(warehouse, "select u.staff_id, min(g.group_id) as group_id from app.users u join raw.groups g on g.teacher_id = u.staff_id and g.school_id = u.school_id where u.login = 'teacher' and g.kind = 'class' group by 1");
  const todayLesson = { id: 'E2E-TODAY', groupId: String(teacher!.group_id), teacherId: String(teacher!.staff_id) };
  await q(warehouse, `insert into raw.lessons (school_id, lesson_id, group_id, date, lesson_no, starts_at, ends_at, teacher_id, status)
    values ($school, $id, $group, $today::date, 0, '00:00', '00:01', $teacher, 'planned')`,
  { school: schoolId, id: todayLesson.id, group: todayLesson.groupId, today: String(school!.today), teacher: todayLesson.teacherId });
  await q(warehouse, `delete from raw.final_marks f using raw.periods p
    where p.school_id = f.school_id and p.period_id = f.period_id and p.ends_on >= $today::date`, { today: String(school!.today) });
  await q(warehouse, 'delete from raw.parent_acks where covers_until >= $today::date or acknowledged_at > now()', { today: String(school!.today) });
  await runModels(warehouse);
  return { warehouse, dir, schoolId, today: String(school!.today), passwords, todayLesson };
}
