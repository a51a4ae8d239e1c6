import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, logIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

const opened: Warehouse[] = [];
afterAll(() => opened.forEach((w) => w.close()));

describe('accounts', () => {
  it('on the first start with no users creates an admin with a random password, printed once', async () => {
    const warehouse = await openTestWarehouse();
    opened.push(warehouse);
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => printed.push(line);
    try {
      for (let run = 0; run < 2; run++) {
        const app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
        await app.listen({ port: 0, host: '127.0.0.1' });
        // onListen hooks run after listen() resolves: wait for the admin (and its printed line)
        for (let i = 0; i < 300 && !printed.some((l) => l.includes('пароль:')); i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 300));
        await app.close();
      }
    } finally {
      console.log = log;
    }
    const lines = printed.filter((l) => l.includes('пароль:'));
    expect(lines).toHaveLength(1);
    const password = /пароль: (\S+)/.exec(lines[0]!)![1]!;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
    const s = await logIn(app, 'admin', password);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json()).toMatchObject({ role: 'admin', mustChangePassword: true, allowed: { schools: 'all' } });
    await app.close();
  });

  it('the admin creates, lists, disables, enables and resets accounts of their school only', async () => {
    const warehouse = await openTestWarehouse();
    opened.push(warehouse);
    await seedTwoSchools(warehouse);
    const app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
    const admin = await loginAs(app, warehouse, { login: 'admin-a', role: 'admin', schoolId: 'SA' });
    await loginAs(app, warehouse, { login: 'other-school', role: 'director', schoolId: 'SB' });
    const post = (url: string, payload: object = {}) => app.inject({ method: 'POST', url, payload, headers: admin.headers });
    const created = await post('/api/v1/admin/users', { login: 'new-teacher', role: 'teacher', staffId: 'A-T2' });
    expect(created.statusCode).toBe(201);
    const first = created.json().password as string;
    expect(first).toHaveLength(16);
    expect((await post('/api/v1/admin/users', { login: 'new-teacher', role: 'teacher', staffId: 'A-T2' })).statusCode).toBe(409);
    expect((await post('/api/v1/admin/users', { login: 'guard', role: 'guardian' })).json().error.message).toContain('guardianId');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: admin.headers })).json() as { login: string }[];
    expect(list.map((u) => u.login)).toEqual(['admin-a', 'new-teacher']);
    expect((await post('/api/v1/admin/users/other-school/disable')).statusCode).toBe(404);

    const t = await logIn(app, 'new-teacher', first);
    expect((await post('/api/v1/admin/users/new-teacher/disable')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'new-teacher', password: first } })).statusCode).toBe(401);
    await post('/api/v1/admin/users/new-teacher/enable');
    const reset = (await post('/api/v1/admin/users/new-teacher/reset-password')).json().password as string;
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'new-teacher', password: first } })).statusCode).toBe(401);
    const fresh = await logIn(app, 'new-teacher', reset);
    // a password set by the admin must be changed before anything else
    const blocked = await app.inject({ method: 'POST', url: '/api/v1/entry/lessons/L-R1/marks', headers: fresh.headers, payload: { marks: [] } });
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: fresh.headers, payload: { currentPassword: reset, newPassword: 'my-own-password-1' } })).statusCode).toBe(200);
    const own = await logIn(app, 'new-teacher', 'my-own-password-1');
    expect((await app.inject({ method: 'POST', url: '/api/v1/entry/lessons/L-R1/marks', headers: own.headers, payload: { marks: [] } })).statusCode).toBe(403); // A-T2 does not teach 5А Russian
    const audit = await rows(warehouse, "select action from raw.audit_log where entity = 'user' and entity_id = 'new-teacher' order by seq");
    expect(audit.map((a) => a.action)).toEqual(['create', 'disable', 'enable', 'password_reset', 'password_change']);
    // the audit never holds a password hash
    expect(await rows(warehouse, "select count(*)::integer as n from raw.audit_log where after::varchar like '%scrypt%'")).toEqual([{ n: 0 }]);
    await app.close();
  });
});
