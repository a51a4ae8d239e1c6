import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { exportBundle } from '../../ingest/bundle/export-bundle';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { todayIn } from '../../common/today-in-zone';
import { cachedLesson, prefetchLesson } from '../../ingest/entry/context-cache';
import { enterMarks } from '../../ingest/entry/enter-marks';
import type { EntryActor } from '../../ingest/entry/entry-actor';
import { recordLesson } from '../../ingest/entry/record-lesson';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import { importWriteEnded, importWriteStarting, stableImportGeneration } from '../../warehouse/import-generation';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { rows, twentyTeachersWarehouse } from '../fixtures/auth/test-warehouse';

// What validating marks reads is kept between writes (ingest/entry/context-cache.ts): a native write
// of the lesson and an import must both be seen by the very next mark entry.
let warehouse: Warehouse;
const actor = (i: number): EntryActor => ({
  login: `t${i}`, enteredBy: `A-C${i}`, staffId: `A-C${i}`, guardianId: null, schools: ['SA'], writableGroups: [`G-C${i}`],
});
const mark = (studentId: string) => ({ studentId, value: '5', workType: 'oral' });
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; details?: unknown }) => e.code ?? String(e));

/** A real import of school SA: its bundle exported, one file edited, imported back (whole school replaced). */
async function reimportSA(file: string, edit: (csv: string) => string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'svodka-cache-import-'));
  try {
    await exportBundle(warehouse, 'SA', dir);
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
    const report = await importBundle(warehouse, dir);
    expect([report.status, report.rejectedRows]).toEqual(['applied', 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  warehouse = await twentyTeachersWarehouse();
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
    await reimportSA('enrollments.csv', (csv) => csv.replace('s2,A-5A,2026-09-01,,admitted,', 's2,A-5A,2026-09-01,2026-09-30,admitted,transferred'));
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
    await reimportSA('enrollments.csv', (csv) => csv.replace('s1,A-5A,2026-09-01,,admitted,', 's1,A-5A,2026-09-01,2026-09-30,admitted,transferred'));
    const l7 = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(7), 'L-C7', pre7), { deferring: true });
    expect(l7.students.has('s1')).toBe(false);

    const pre8 = await prefetchLesson(warehouse, actor(8), 'L-C8');
    expect(pre8?.l.status).toBe('planned');
    await recordLesson(warehouse, actor(8), 'L-C8', { status: 'cancelled' });
    const l8 = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(8), 'L-C8', pre8), { deferring: true });
    expect(l8.status).toBe('cancelled');
  });
  it('an import moving a group to another class is seen by the very next entry', async () => {
    await reimportSA('groups.csv', (csv) => csv.replace('G-C4,MATH,A-5A,', 'G-C4,MATH,A-6A,'));
    // kept by a write that succeeds (a refused one rolls back, which drops what is kept anyway)
    expect(await codeOf(enterMarks(warehouse, actor(4), 'L-C4', { marks: [mark('s3')] }))).toBe('ok');
    expect(await codeOf(enterMarks(warehouse, actor(4), 'L-C4', { marks: [mark('s3')] }))).toBe('ok');
    // back to 5А, whose students' enrolments the tests above ended before the lesson
    await reimportSA('groups.csv', (csv) => csv.replace('G-C4,MATH,A-6A,', 'G-C4,MATH,A-5A,'));
    expect(await codeOf(enterMarks(warehouse, actor(4), 'L-C4', { marks: [mark('s3')] }))).toBe('invalid_entry');
  });

  it('what a write reads while an import is writing is kept for that write only', async () => {
    expect(await codeOf(enterMarks(warehouse, actor(5), 'L-C5', { marks: [mark('s3')] }))).toBe('invalid_entry');
    const before = stableImportGeneration();
    importWriteStarting();
    try {
      expect(stableImportGeneration()).toBeUndefined();
      expect(await prefetchLesson(warehouse, actor(5), 'L-C6')).toBeUndefined();
      // deferring, as a write of new marks is (it does not move writeGeneration)
      const l5 = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(5), 'L-C5'), { deferring: true });
      expect([...l5.students]).not.toContain('s3');
      // what the import's transaction commits, before it ends: the next write must read it
      await warehouse.transaction((conn) => conn.run("update raw.groups set class_id = 'A-6A' where school_id = 'SA' and group_id = 'G-C5'"));
      const again = await serializedWrite(warehouse, (conn) => cachedLesson(conn, warehouse, actor(5), 'L-C5'), { deferring: true });
      expect([...again.students]).toEqual(['s3']);
    } finally {
      importWriteEnded();
    }
    expect(stableImportGeneration()).not.toBe(before);
    expect(await codeOf(enterMarks(warehouse, actor(5), 'L-C5', { marks: [mark('s3')] }))).toBe('ok');
  });
});
