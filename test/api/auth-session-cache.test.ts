import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs } from '../fixtures/auth/login';
import { openTestWarehouse, seedTwoSchools } from '../fixtures/auth/test-warehouse';

// Sessions are kept in memory after the first request (api/auth/session-cache.ts): every write that
// ends a session or changes the account must take effect on the very next request.
let warehouse: Warehouse;
let app: FastifyInstance;
const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('cached sessions', () => {
  it('a session used a moment ago stops working at once when the admin disables the account', async () => {
    const admin = await loginAs(app, warehouse, { login: 'adm', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
    const t = await loginAs(app, warehouse, { login: 'cached-t', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
    expect((await me(t.headers)).statusCode).toBe(200);
    expect((await me(t.headers)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/users/cached-t/disable', headers: admin.headers })).statusCode).toBe(200);
    expect((await me(t.headers)).statusCode).toBe(401);
  });

  it('a reset password by the admin ends the cached session; so does logout', async () => {
    const admin = await loginAs(app, warehouse, { login: 'adm2', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
    const d = await loginAs(app, warehouse, { login: 'cached-d', role: 'deputy', schoolId: 'SA' });
    const other = await loginAs(app, warehouse, { login: 'cached-o', role: 'deputy', schoolId: 'SA' });
    expect((await me(d.headers)).statusCode).toBe(200);
    expect((await me(other.headers)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/users/cached-d/reset-password', headers: admin.headers })).statusCode).toBe(200);
    expect((await me(d.headers)).statusCode).toBe(401);
    // an unrelated session survives the reset of another account
    expect((await me(other.headers)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: other.headers })).statusCode).toBe(200);
    expect((await me(other.headers)).statusCode).toBe(401);
  });

  it('a compromise report ends the reported account\'s cached session at once', async () => {
    const admin = await loginAs(app, warehouse, { login: 'adm3', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
    const t = await loginAs(app, warehouse, { login: 'leaked', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
    expect((await me(t.headers)).statusCode).toBe(200);
    const report = await app.inject({ method: 'POST', url: '/api/v1/admin/compromise', headers: admin.headers, payload: { login: 'leaked', compromisedAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(report.statusCode).toBeLessThan(300);
    expect((await me(t.headers)).statusCode).toBe(401);
  });
});
