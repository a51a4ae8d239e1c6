import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { auditChecks } from '../../ingest/audit/verify-chain';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { createTestUser } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedSql, seedTwoSchools } from '../fixtures/auth/test-warehouse';

const teachers = 20;
const requestsEach = 5;
let warehouse: Warehouse;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  await seedSql(warehouse, 'twenty-teachers');
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await flushRefresh();
  await app.close();
  warehouse.close();
});

async function login(login: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('svodka_session='))!.split(';')[0]!;
  return { cookie, 'x-csrf-token': (await res.json()).csrfToken, 'content-type': 'application/json' };
}

describe('concurrency', () => {
  it(`${teachers} teachers entering marks at once on a listening server lose no write`, async () => {
    const sessions = await Promise.all(Array.from({ length: teachers }, async (_, k) => {
      const i = k + 1;
      const password = await createTestUser(warehouse, { login: `conc${i}`, role: 'teacher', schoolId: 'SA', staffId: `A-C${i}` });
      return { i, headers: await login(`conc${i}`, password) };
    }));
    // every teacher sends requestsEach single-mark requests and one bulk of 2, all at once
    const results = await Promise.all(sessions.flatMap(({ i, headers }) => [
      ...Array.from({ length: requestsEach }, (_, r) => fetch(`${base}/api/v1/entry/lessons/L-C${i}/marks`, {
        method: 'POST', headers, body: JSON.stringify({ marks: [{ studentId: r % 2 ? 's1' : 's2', value: String((r % 5) + 1), workType: 'oral', comment: `t${i}r${r}` }] }),
      })),
      fetch(`${base}/api/v1/entry/lessons/L-C${i}/marks`, {
        method: 'POST', headers, body: JSON.stringify({ marks: [{ studentId: 's1', value: '5', workType: 'test', comment: `t${i}bulk` }, { studentId: 's2', value: '4', workType: 'test', comment: `t${i}bulk` }] }),
      }),
    ]));
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const perTeacher = await rows(warehouse, "select entered_by, count(*)::integer as n, count(distinct comment)::integer as c from raw.marks where lesson_id like 'L-C%' group by 1 order by 1");
    expect(perTeacher).toHaveLength(teachers);
    for (const t of perTeacher) expect(t).toMatchObject({ n: requestsEach + 2, c: requestsEach + 1 });
    const [links] = await rows(warehouse, "select count(*)::integer as n, count(distinct seq)::integer as d, max(seq)::integer as m from raw.audit_log where entity = 'mark'");
    expect(links).toMatchObject({ n: teachers * (requestsEach + 2), d: teachers * (requestsEach + 2) });
    expect((await runIntegrityChecks(warehouse, auditChecks)).every((c) => c.ok)).toBe(true);
  }, 600_000);
});
