import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
let teacher: LoggedIn;
let admin: LoggedIn;
const post = (url: string, payload: object, who: LoggedIn) => app.inject({ method: 'POST', url, payload, headers: who.headers });
const martMarks = () => rows(warehouse, "select record_id as mark_id from marts.r_mark_day where school_id = 'SA' order by record_id");
const rawMarks = () => rows(warehouse, "select student_id, value from raw.marks where school_id = 'SA' order by student_id");

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  await runModels(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  teacher = await loginAs(app, warehouse, { login: 'teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
  admin = await loginAs(app, warehouse, { login: 'admin', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
});
afterAll(async () => {
  await flushRefresh();
  await app.close();
  warehouse.close();
});

describe('compromised credentials', () => {
  it('takes the operations after T out of raw and marts, lists them, and brings them back on confirm', async () => {
    // before T: a genuine mark for s1
    const genuine = (await post('/api/v1/entry/lessons/L-R1/marks', { marks: [{ studentId: 's1', value: '5', workType: 'oral' }] }, teacher)).json().markIds[0];
    await new Promise((r) => setTimeout(r, 30));
    const t = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 30));
    // after T: the thief changes s1's mark and adds one for s2
    await post('/api/v1/entry/lessons/L-R1/marks', { marks: [{ markId: genuine, studentId: 's1', value: '2', workType: 'oral' }, { studentId: 's2', value: '2', workType: 'oral' }] }, teacher);
    await flushRefresh();
    const added = (await rows(warehouse, "select mark_id from raw.marks where student_id = 's2'"))[0]!.mark_id as string;
    expect(await rawMarks()).toEqual([{ student_id: 's1', value: '2' }, { student_id: 's2', value: '2' }]);
    expect(await martMarks()).toEqual([genuine, added].sort().map((mark_id) => ({ mark_id })));

    const report = await post('/api/v1/admin/compromise', { login: 'teacher', compromisedAt: t, note: 'пароль на стикере' }, admin);
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ quarantined: 2, conflicts: 0 });
    expect(report.json().operations.map((o: { action: string; entity: string }) => `${o.action} ${o.entity}`)).toEqual(['update mark', 'create mark']);
    // the account is disabled and its session ended
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: teacher.headers })).statusCode).toBe(401);

    await flushRefresh();
    expect(await rawMarks()).toEqual([{ student_id: 's1', value: '5' }]);
    expect(await martMarks()).toEqual([{ mark_id: genuine }]);

    const list = (await app.inject({ method: 'GET', url: '/api/v1/admin/compromise', headers: admin.headers })).json() as { item_id: string; entity_id: string; status: string }[];
    expect(list.map((i) => [i.entity_id, i.status]).sort()).toEqual([[added, 'pending'], [genuine, 'pending']].sort());

    // the added mark was genuine after all: confirm brings it back; the changed one is reverted
    const item = (id: string) => list.find((i) => i.entity_id === id)!.item_id;
    expect((await post(`/api/v1/admin/compromise/items/${item(added)}`, { decision: 'confirm' }, admin)).json()).toEqual({ status: 'confirmed' });
    expect((await post(`/api/v1/admin/compromise/items/${item(genuine)}`, { decision: 'revert' }, admin)).json()).toEqual({ status: 'reverted' });
    expect((await post(`/api/v1/admin/compromise/items/${item(genuine)}`, { decision: 'confirm' }, admin)).statusCode).toBe(409);
    await flushRefresh();
    expect(await rawMarks()).toEqual([{ student_id: 's1', value: '5' }, { student_id: 's2', value: '2' }]);
    expect(await martMarks()).toEqual([genuine, added].sort().map((mark_id) => ({ mark_id })));

    const actions = await rows(warehouse, "select actor, action from raw.audit_log where actor = 'admin' and action in ('report', 'quarantine', 'confirm', 'revert') order by seq");
    expect(actions.map((a) => a.action)).toEqual(['report', 'quarantine', 'quarantine', 'confirm', 'revert']);
    const verify = (await app.inject({ method: 'GET', url: '/api/v1/admin/audit/verify', headers: admin.headers })).json();
    expect(verify.ok).toBe(true);
  });

  it('rejects a time without an offset, and a login outside the admin school', async () => {
    await loginAs(app, warehouse, { login: 'bteacher', role: 'teacher', schoolId: 'SB', staffId: 'B-T' });
    const noOffset = await post('/api/v1/admin/compromise', { login: 'admin', compromisedAt: '2026-11-20T10:00:00' }, admin);
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().error.message).toContain('compromisedAt');
    expect((await post('/api/v1/admin/compromise', { login: 'bteacher', compromisedAt: '2026-11-20T10:00:00Z' }, admin)).statusCode).toBe(404);
  });
});
