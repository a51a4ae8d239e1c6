import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { createTestUser, logIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
const me = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('login', () => {
  it('logs in with the right password: httpOnly SameSite=Strict cookie, me answers with role and scope', async () => {
    const password = await createTestUser(warehouse, { login: 'teach', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'teach', password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'svodka_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    const body = (await me({ cookie: `svodka_session=${cookie.value}` })).json();
    expect(body).toMatchObject({ login: 'teach', role: 'teacher', staffId: 'A-T', csrfToken: res.json().csrfToken });
    // A-T teaches Russian of 5А only: its students s1, s2
    expect(body.allowed).toEqual({ schools: ['SA'], classes: ['A-5A'], groups: ['G-A5-RUS'], students: ['s1', 's2'], writableGroups: ['G-A5-RUS'], aggregatesOnly: false });
    expect(res.headers['x-frame-options']).toBeDefined(); // helmet
  });

  it('sets a Secure cookie behind https', async () => {
    const password = await createTestUser(warehouse, { login: 'secure', role: 'director', schoolId: 'SA' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { login: 'secure', password } });
    expect(res.cookies.find((c) => c.name === 'svodka_session')?.secure).toBe(true);
  });

  it('refuses a wrong password and an unknown login with the same answer', async () => {
    await createTestUser(warehouse, { login: 'wrongpw', role: 'director', schoolId: 'SA' }, 'right-password-1');
    const a = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'wrongpw', password: 'nope-nope-nope' } });
    const b = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nosuchuser', password: 'nope-nope-nope' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error).toEqual(b.json().error);
    expect(a.json().error.message).toBe('Неверный логин или пароль');
    expect(a.cookies).toHaveLength(0);
  });

  it('locks the account after 5 wrong passwords, even for the right one', async () => {
    await createTestUser(warehouse, { login: 'locky', role: 'director', schoolId: 'SA' }, 'right-password-1');
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'locky', password: `wrong-${i}-xxxxx` } })).statusCode).toBe(401);
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'locky', password: 'right-password-1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('account_locked');
    expect(res.json().error.message).toMatch(/заблокирован/);
    // the lock ends with time: move it into the past
    await rows(warehouse, "update app.users set locked_until = now() - interval 1 minute where login = 'locky'");
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'locky', password: 'right-password-1' } })).statusCode).toBe(200);
  });

  it('gives a new session id at login and ends the one presented (no session fixation)', async () => {
    const password = await createTestUser(warehouse, { login: 'fixme', role: 'deputy', schoolId: 'SA' });
    const first = await logIn(app, 'fixme', password);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: first.headers.cookie }, payload: { login: 'fixme', password } });
    const second = `svodka_session=${res.cookies.find((c) => c.name === 'svodka_session')!.value}`;
    expect(second).not.toBe(first.headers.cookie);
    expect((await me({ cookie: first.headers.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: second })).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const password = await createTestUser(warehouse, { login: 'byebye', role: 'deputy', schoolId: 'SA' });
    const s = await logIn(app, 'byebye', password);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(200);
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('refuses writes without the CSRF token or with a wrong one', async () => {
    const password = await createTestUser(warehouse, { login: 'csrfy', role: 'deputy', schoolId: 'SA' });
    const s = await logIn(app, 'csrfy', password);
    const none = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.headers.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.headers.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(bad.statusCode).toBe(403);
    expect((await me(s.headers)).statusCode).toBe(200);
  });

  it('refuses an expired session and one idle too long', async () => {
    const password = await createTestUser(warehouse, { login: 'oldie', role: 'deputy', schoolId: 'SA' });
    const a = await logIn(app, 'oldie', password);
    const b = await logIn(app, 'oldie', password);
    await rows(warehouse, "update app.sessions set expires_at = now() - interval 1 second where token_hash = sha256($t)", { t: a.headers.cookie.split('=')[1]! });
    await rows(warehouse, "update app.sessions set last_seen_at = now() - interval 31 minute where token_hash = sha256($t)", { t: b.headers.cookie.split('=')[1]! });
    expect((await me(a.headers)).statusCode).toBe(401);
    expect((await me(b.headers)).statusCode).toBe(401);
    expect((await me()).statusCode).toBe(401);
  });

  it('changes the password: old one stops working, other sessions end', async () => {
    const password = await createTestUser(warehouse, { login: 'changer', role: 'deputy', schoolId: 'SA' });
    const other = await logIn(app, 'changer', password);
    const s = await logIn(app, 'changer', password);
    const short = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword: password, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/не короче 10/);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword: password, newPassword: 'a-brand-new-password' } });
    expect(res.statusCode).toBe(200);
    expect((await me(other.headers)).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'changer', password } })).statusCode).toBe(401);
    await logIn(app, 'changer', 'a-brand-new-password');
  });
});
