import { rmSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import type { Caller } from '../../api/caller';
import { cachedEntries, responseKey, setCacheLimits } from '../../api/routes/dashboard-response-cache';
import { readConfig } from '../../common/config';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { bumpDataVersion, dataVersion } from '../../warehouse/data-version';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// The response cache of the dashboard's read routes (summary, metrics, reference): an answer is
// served again only while the warehouse's data version is unchanged, and only to the same scope.
let w: Warehouse;
let dir: string;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]?.headers });
const ids = (res: { json: () => { rows: Record<string, unknown>[] } }) => res.json().rows.map((r) => r.record_id);
const example = '/work/shared/examples/yekaterinburg-7b/bundle';
const sql = (text: string) => w.withConnection((c) => c.run(text));

beforeAll(async () => {
  ({ warehouse: w, dir } = await twoZonesWarehouse());
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
  as.director = await loginAs(app, w, { login: 'dir5', role: 'director', schoolId: 'S5' });
  as.teacher = await loginAs(app, w, { login: 'teach2', role: 'teacher', schoolId: 'S5', staffId: 'T2' });
});
afterAll(async () => { await app.close(); w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('dashboard response cache', () => {
  it('a mart build invalidates it: the breach fixed in raw disappears once the marts are rebuilt', async () => {
    const url = '/api/v1/metrics/R-MARK-DAY?schoolId=S5&as_of=2025-11-05';
    expect(ids(await get('director', url))).toEqual(['M2', 'M8']);
    const before = dataVersion(w);
    // M2 was entered 1 minute after midnight (+05:00); entered before it, it is on time
    await sql("update raw.marks set entered_at = '2025-09-09T18:00:00Z' where mark_id = 'M2'");
    // the marts are not rebuilt yet: the cached answer is the one the marts still give
    expect(ids(await get('director', url))).toEqual(['M2', 'M8']);
    await runModels(w);
    expect(dataVersion(w)).toBe(before + 1);
    expect(ids(await get('director', url))).toEqual(['M8']);
    await sql("update raw.marks set entered_at = '2025-09-09T19:01:00Z' where mark_id = 'M2'");
    await runModels(w, { schoolId: 'S5' });
    expect(ids(await get('director', url))).toEqual(['M2', 'M8']);
  });

  it('serves a kept answer until the version is bumped (a write that does not bump is not seen)', async () => {
    const url = '/api/v1/metrics/R-MARK-DAY?schoolId=S5&as_of=2025-11-05';
    const first = (await get('director', url)).json();
    expect(first.rows).toHaveLength(2);
    await sql("delete from marts.r_mark_day where record_id = 'M2'");
    expect((await get('director', url)).json()).toEqual(first);
    bumpDataVersion(w);
    expect(ids(await get('director', url))).toEqual(['M8']);
    // a full build recomputes every mart (a one-school refresh skips models whose inputs did not change)
    await runModels(w);
    expect((await get('director', url)).json()).toEqual(first);
  });

  it('reference lists (raw.*, written only by imports) are kept until an import bumps the version', async () => {
    const url = '/api/v1/dashboard/reference?schoolId=S5';
    const first = (await get('director', url)).json();
    const name = first.classes.find((c: { id: string }) => c.id === '7A').name;
    expect(name).toBe('7А'); // Cyrillic А
    const version = dataVersion(w);
    // a change of raw.* by no writer of the product (no import) is not seen
    await sql("update raw.classes set letter = 'Я' where school_id = 'S5' and class_id = '7A'");
    expect((await get('director', url)).json()).toEqual(first);
    // a real import, of another school's bundle: every cached answer goes
    const report = await importBundle(w, example);
    expect(report.status).toBe('applied');
    expect(dataVersion(w)).toBeGreaterThan(version);
    expect((await get('director', url)).json().classes.find((c: { id: string }) => c.id === '7A').name).toBe('7Я');
    await sql("update raw.classes set letter = 'А' where school_id = 'S5' and class_id = '7A'");
    bumpDataVersion(w);
    expect((await get('director', url)).json()).toEqual(first);
  });

  it('keys by the caller\'s scope: a teacher never gets the director\'s cached rows', async () => {
    const url = '/api/v1/metrics/R-HOMEWORK?as_of=2025-11-05';
    const director = ids(await get('director', url));
    const teacher = ids(await get('teacher', url));
    expect(teacher).toEqual(['L2']);
    expect(director.length).toBeGreaterThan(teacher.length);
    expect(ids(await get('teacher', url))).toEqual(['L2']);
  });

  it('keeps no errors, and starts empty at every new version', async () => {
    bumpDataVersion(w);
    expect(cachedEntries(w)).toBe(0);
    expect((await get('director', '/api/v1/metrics/R-NOPE')).statusCode).toBe(404);
    expect((await get('director', '/api/v1/metrics/R-NOPE')).statusCode).toBe(404);
    expect(cachedEntries(w)).toBe(0);
    const res = await get('director', '/api/v1/summary?as_of=2025-11-05');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(cachedEntries(w)).toBe(1);
    expect((await get('director', '/api/v1/summary?as_of=2025-11-05')).json()).toEqual(res.json());
  });

  it('stays within its bounds of entries and bytes', async () => {
    bumpDataVersion(w);
    const previous = setCacheLimits({ entries: 2, bytes: 64 * 1024 * 1024 });
    try {
      const url = (d: string) => `/api/v1/metrics/R-MARK-DAY?schoolId=S5&as_of=2025-11-0${d}`;
      for (const d of ['1', '2', '3']) expect((await get('director', url(d))).statusCode).toBe(200);
      expect(cachedEntries(w)).toBe(2);
      setCacheLimits({ entries: 10, bytes: 1 });
      expect((await get('director', url('4'))).statusCode).toBe(200);
      // over the byte bound every older answer goes; the newest is kept so that it can be served
      expect(cachedEntries(w)).toBe(1);
    } finally {
      setCacheLimits(previous);
    }
  });

  it('a key changes with the quarter-hour (answers for "today" follow the date) and the query order does not matter', () => {
    const caller = { role: 'director', aggregatesOnly: false, allowedSchools: ['S5'], allowedClasses: null, allowedGroups: null, allowedStudents: null } as unknown as Caller;
    const req = (query: Record<string, string>) => ({ routeOptions: { url: '/api/v1/summary' }, params: {}, query }) as unknown as FastifyRequest;
    const t = Date.parse('2025-11-05T18:50:00Z');
    expect(responseKey(req({ a: '1', b: '2' }), caller, t)).toBe(responseKey(req({ b: '2', a: '1' }), caller, t + 60_000));
    // 19:00Z is midnight in UTC+5: the next quarter-hour is another key
    expect(responseKey(req({}), caller, t)).not.toBe(responseKey(req({}), caller, t + 60_000 * 10));
    expect(responseKey(req({}), caller, t)).not.toBe(responseKey(req({}), { ...caller, allowedClasses: ['7A'] }, t));
  });
});
