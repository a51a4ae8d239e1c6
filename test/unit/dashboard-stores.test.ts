// Pinia stores of the dashboard against the real server (buildApp over a hand-made school), in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createPinia, setActivePinia } from 'pinia';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { configureHttp } from '../../dashboard/src/api/http';
import { useSessionStore } from '../../dashboard/src/stores/session';
import { useJournalStore } from '../../dashboard/src/stores/journal';
import { useDiaryStore } from '../../dashboard/src/stores/diary';
import { useReferenceStore } from '../../dashboard/src/stores/reference';
import { loginAs, type TestUser } from '../fixtures/auth/login';
import { smallSchoolWarehouse } from '../fixtures/dashboard/small-school';

let w: Warehouse;
let dir: string;
let app: FastifyInstance;
let base: string;

async function as(login: string, user: Omit<TestUser, 'login'>) {
  const who = await loginAs(app, w, { ...user, login });
  setActivePinia(createPinia());
  configureHttp({ baseUrl: base, cookie: who.headers.cookie });
  const me = await useSessionStore().load();
  expect(me?.login).toBe(login);
}

beforeAll(async () => {
  ({ warehouse: w, dir } = await smallSchoolWarehouse());
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await flushRefresh();
  await app.close();
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard stores over the real api', () => {
  it('session: a teacher lands on the journal with their writable group', async () => {
    await as('storeteach', { role: 'teacher', schoolId: 'S1', staffId: 'T2' });
    const s = useSessionStore();
    expect(s.home).toBe('/teacher');
    expect(s.me).toMatchObject({ schoolId: 'S1', writableGroups: ['G7P'], staffId: 'T2' });
    const ref = await useReferenceStore().load('S1');
    expect(ref.groups.map((g) => g.id)).toContain('G7P');
  });

  it('journal: a typed mark replaces the last one, an absence is added, both saved; an error stays on its lesson', async () => {
    await as('storeteach2', { role: 'teacher', schoolId: 'S1', staffId: 'T2' });
    const j = useJournalStore();
    await j.load('S1', 'G7P', '2025-09-01', '2025-09-30');
    expect(j.cell('L3', 'st2').marks).toEqual([{ id: 'M4', value: '3', workType: 'oral' }]);
    j.setMark('L3', 'st2', '5');
    j.setAbsence('L3', 'st2', 'late');
    expect(j.saveState.L3).toBe('pending');
    expect(await j.flush('L3')).toBe(true);
    expect(j.overall).toBe('saved');
    const rows = await w.withConnection(async (c) => (await c.runAndReadAll(
      "select (select value from raw.marks where mark_id = 'M4') as mark, (select status from raw.attendance where lesson_id = 'L3' and student_id = 'st2') as att",
    )).getRowObjectsJson());
    expect(rows).toEqual([{ mark: '5', att: 'late' }]);
    // a moved lesson without its new date is refused: the server's message stays on that lesson
    await j.flush('L3', { status: 'moved' });
    expect(j.saveState.L3).toBe('error');
    expect(j.lessonError.L3).toMatch(/movedToDate|дата/);
  });

  it('diary: a guardian acknowledges the week', async () => {
    await as('storeparent', { role: 'guardian', schoolId: 'S1', guardianId: 'P2' });
    const d = useDiaryStore();
    await d.load('S1', 'st2', '2025-09-10');
    expect(d.diary?.acknowledged).toBeNull();
    expect(d.diary?.lessons.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    await d.acknowledge('S1', '2025-09-14');
    expect(d.ackError).toBeNull();
    expect(d.diary?.acknowledged?.coversUntil).toBe('2025-09-14');
  });
});
