import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { smallSchoolWarehouse } from '../fixtures/dashboard/small-school';
import { runModels } from '../../warehouse/run-models';

// GET /api/v1/dashboard/first-screen: the first screen's calls in one answer, each the route's own.
let w: Warehouse;
let dir: string;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]?.headers });
const firstScreen = async (who: string, path: string) => {
  const res = await get(who, `/api/v1/dashboard/first-screen?${new URLSearchParams({ path })}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.json().answers as Record<string, { status: number; body: unknown }>;
};
const me = '/api/v1/auth/me';
const reference = '/api/v1/dashboard/reference?schoolId=S1';
const chart = (period: string, asOf?: string) => `/api/v1/metrics/M-PASS?${asOf ? `as_of=${asOf}&` : ''}by=class&period=${period}&schoolId=S1`;

beforeAll(async () => {
  ({ warehouse: w, dir } = await smallSchoolWarehouse());
  await runModels(w);
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
  as.director = await loginAs(app, w, { login: 'fsdir', role: 'director', schoolId: 'S1' });
  as.teacher = await loginAs(app, w, { login: 'fsteach', role: 'teacher', schoolId: 'S1', staffId: 'T2' });
  as.guardian = await loginAs(app, w, { login: 'fsparent', role: 'guardian', schoolId: 'S1', guardianId: 'P1' });
});
afterAll(async () => { await app.close(); w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('first-screen answer', () => {
  it('director on /director as of 10 Nov 2025: session, school names, and pass/quality of Q1 (the last period ended by then)', async () => {
    const answers = await firstScreen('director', '/director?as_of=2025-11-10');
    expect(Object.keys(answers)).toEqual([me, reference, chart('Q1', '2025-11-10')]);
    expect(answers[me]).toMatchObject({ status: 200, body: { login: 'fsdir', role: 'director' } });
    // each answer is what the route itself answers to the same call (param order aside)
    expect(answers[reference]).toEqual({ status: 200, body: (await get('director', reference)).json() });
    const direct = await get('director', '/api/v1/metrics/M-PASS?schoolId=S1&period=Q1&as_of=2025-11-10&by=class');
    expect(direct.statusCode).toBe(200);
    expect(answers[chart('Q1', '2025-11-10')]).toEqual({ status: 200, body: direct.json() });
  });

  it('tells the app today\'s date in the school\'s zone (so its first screen needs no Intl), none for a guardian', async () => {
    const res = await get('director', '/api/v1/dashboard/first-screen?path=%2Fdirector');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yekaterinburg', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(res.json().today).toEqual({ 'Asia/Yekaterinburg': today });
    expect((await get('guardian', '/api/v1/dashboard/first-screen?path=%2Fdiary')).json().today).toEqual({});
  });

  it('the URL\'s period is taken as is; past the year\'s end (no as_of) the default is Q2, the last one ended', async () => {
    expect(Object.keys(await firstScreen('director', '/director?period=Q2&as_of=2025-11-10'))).toContain(chart('Q2', '2025-11-10'));
    // today (the test runs after 31 May 2026) is past the year: its last day counts, when Q2 has ended
    expect(Object.keys(await firstScreen('director', '/director'))).toEqual([me, reference, chart('Q2')]);
    // `/` is the director's home: the same screen
    expect(Object.keys(await firstScreen('director', '/'))).toEqual([me, reference, chart('Q2')]);
  });

  it('another school: its refusal is the answer, and no chart is asked for', async () => {
    const answers = await firstScreen('director', '/director?school=S2');
    expect(Object.keys(answers)).toEqual([me, '/api/v1/dashboard/reference?schoolId=S2']);
    expect(answers['/api/v1/dashboard/reference?schoolId=S2']!.status).toBe(403);
  });

  it('a teacher gets no director chart (the screen is not theirs); a guardian only the session', async () => {
    expect(Object.keys(await firstScreen('teacher', '/director'))).toEqual([me, reference]);
    expect(Object.keys(await firstScreen('teacher', '/teacher'))).toEqual([me, reference]);
    const guardian = await firstScreen('guardian', '/diary');
    expect(Object.keys(guardian)).toEqual([me]);
    expect(guardian[me]).toMatchObject({ status: 200, body: { role: 'guardian' } });
  });

  it('without a session: 401 in Russian, as /auth/me', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/dashboard/first-screen?path=%2Fdirector' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/[А-я]/);
  });
});

describe('first-screen answer started with the page', () => {
  it('the page request of a session starts it; that session\'s request takes it once; another session, a later write or a non-screen path do not', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { bumpDataVersion } = await import('../../warehouse/data-version');
    const dist = `${dir}/dist`;
    mkdirSync(dist, { recursive: true });
    writeFileSync(`${dist}/index.html`, '<!doctype html><html><head><script src="/boot.js"></script></head><body></body></html>');
    const site = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: dist });
    const meCalls: string[] = [];
    site.addHook('onRequest', async (req) => { if (req.url === me) meCalls.push(String(req.headers.cookie)); });
    const page = (who: string, url: string) => site.inject({ method: 'GET', url, headers: { cookie: as[who]!.headers.cookie } });
    const answer = (who: string, path: string) => site.inject({ method: 'GET', url: `/api/v1/dashboard/first-screen?${new URLSearchParams({ path })}`, headers: as[who]!.headers });
    try {
      const html = await page('director', '/director?as_of=2025-11-10');
      expect(html.body).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/dashboard/first-screen?path=%2Fdirector%3Fas_of%3D2025-11-10">');
      await new Promise((r) => setImmediate(r));
      expect(meCalls).toHaveLength(1); // the answer's session check ran with the page
      const early = await answer('director', '/director?as_of=2025-11-10');
      expect(meCalls).toHaveLength(1); // taken: nothing asked again
      const fresh = await answer('director', '/director?as_of=2025-11-10');
      expect(meCalls).toHaveLength(2); // taken once only
      expect(early.json()).toEqual(fresh.json());
      expect(Object.keys(early.json().answers)).toEqual([me, reference, chart('Q1', '2025-11-10')]);

      await page('director', '/director');
      expect((await answer('teacher', '/director')).json().answers[me].body.login).toBe('fsteach'); // not the director's
      expect(meCalls).toHaveLength(4);
      bumpDataVersion(w); // a write after the page: its early answer is not used
      await answer('director', '/director');
      expect(meCalls).toHaveLength(5);

      await page('director', '/favicon.ico');
      expect(meCalls).toHaveLength(5); // not a screen: nothing started
    } finally {
      await site.close();
    }
  });
});
