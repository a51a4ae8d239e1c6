import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { cachedLesson, prefetchLesson, todayIn } from '../../ingest/entry/context-cache';
import { enterMarks } from '../../ingest/entry/enter-marks';
import type { EntryActor } from '../../ingest/entry/entry-actor';
import { recordLesson } from '../../ingest/entry/record-lesson';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { openTestWarehouse, rows, seedSql, seedTwoSchools } from '../fixtures/auth/test-warehouse';

// What validating marks reads is kept between writes (ingest/entry/context-cache.ts): a native write
// of the lesson and an import must both be seen by the very next mark entry.
let warehouse: Warehouse;
const actor = (i: number): EntryActor => ({
  login: `t${i}`, enteredBy: `A-C${i}`, staffId: `A-C${i}`, guardianId: null, schools: ['SA'], writableGroups: [`G-C${i}`],
});
const mark = (studentId: string) => ({ studentId, value: '5', workType: 'oral' });
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; details?: unknown }) => e.code ?? String(e));

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  await seedSql(warehouse, 'twenty-teachers');
});
afterAll(async () => {
  await flushRefresh();
  warehouse.close();
});

describe('kept lesson context', () => {
  it('a lesson cancelled through entry refuses marks at once', async () => {
    expect(await codeOf(enterMarks(warehouse, actor(1), 'L-C1', { marks: [mark('s1')] }))).toBe('ok');
    await recordLesson(warehouse, actor(1), 'L-C1', { status: 'cancelled' });
    expect(await codeOf(enterMarks(warehouse, actor(1), 'L-C1', { marks: [mark('s1')] }))).toBe('invalid_entry');
  });

  it('an import that ends a student\'s enrolment is seen by the next entry', async () => {
    expect(await codeOf(enterMarks(warehouse, actor(2), 'L-C2', { marks: [mark('s2')] }))).toBe('ok');
    // an import writes raw rows and its batch row in one transaction of its own
    await warehouse.transaction(async (conn) => {
      await conn.run("update raw.enrollments set to_date = '2026-09-30' where school_id = 'SA' and student_id = 's2'");
      await conn.run(`insert into raw.import_batch (batch_id, school_id, source, format, status, started_at)
        values ('B-test', 'SA', 'test', 'bundle', 'applied', now())`);
    });
    expect(await codeOf(enterMarks(warehouse, actor(2), 'L-C2', { marks: [mark('s2')] }))).toBe('invalid_entry');
    expect(await codeOf(enterMarks(warehouse, actor(2), 'L-C2', { marks: [mark('s1')] }))).toBe('ok');
  });

  it('works out "today" in the school\'s zone as the lesson query does', async () => {
    for (const [instant, zone] of [['2026-11-28T19:30:00Z', 'Asia/Yekaterinburg'], ['2026-11-28T19:30:00Z', 'Europe/Kaliningrad'], ['2026-11-28T23:59:59Z', 'Asia/Kamchatka']] as const) {
      const [db] = await rows(warehouse, 'select ($t::timestamptz at time zone $z)::date::varchar as d', { t: instant, z: zone });
      expect(todayIn(zone, new Date(instant))).toBe(db!.d);
    }
    expect(todayIn('Asia/Yekaterinburg', new Date('2026-11-28T19:30:00Z'))).toBe('2026-11-29');
  });

  it('a read made before the write is dropped when an import or a native write came in between', async () => {
    const pre7 = await prefetchLesson(warehouse, actor(7), 'L-C7');
    expect(pre7?.l.students.has('s1')).toBe(true);
    await warehouse.transaction(async (conn) => {
      await conn.run("update raw.enrollments set to_date = '2026-09-30' where school_id = 'SA' and student_id = 's1'");
      await conn.run(`insert into raw.import_batch (batch_id, school_id, source, format, status, started_at)
        values ('B-test-2', 'SA', 'test', 'bundle', 'applied', now())`);
    });
    const l7 = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(7), 'L-C7', pre7));
    expect(l7.students.has('s1')).toBe(false);

    const pre8 = await prefetchLesson(warehouse, actor(8), 'L-C8');
    expect(pre8?.l.status).toBe('planned');
    await recordLesson(warehouse, actor(8), 'L-C8', { status: 'cancelled' });
    const l8 = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(8), 'L-C8', pre8));
    expect(l8.status).toBe('cancelled');
  });
});
