// The import screen's api through buildApp + inject: format detection, preview, background import with
// progress, batch history, the error report as CSV, and who may do it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';

const fixture = 'test/fixtures/imports/oneroster-gradebook';
const zip = Buffer.from(zipSync(Object.fromEntries(readdirSync(fixture).map((f) => [f, new Uint8Array(readFileSync(join(fixture, f)))]))));
let dir: string;
let w: Warehouse;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const post = (who: string, url: string, payload: Buffer) =>
  app.inject({ method: 'POST', url, payload, headers: { ...as[who]!.headers, 'content-type': 'application/octet-stream' } });
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]!.headers });

async function finished(jobId: string, school = 'sch-1') {
  for (let i = 0; i < 200; i++) {
    const j = (await get('admin', `/api/v1/imports/jobs/${jobId}?targetSchool=${school}`)).json();
    if (j.phase === 'done' || j.phase === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'h7-api-'));
  w = await openWarehouse(join(dir, 'w.duckdb'));
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: join(dir, 'w.duckdb') }), dashboardDir: join(dir, 'none') });
  as.admin = await loginAs(app, w, { login: 'adm1', role: 'admin', schoolId: 'sch-1' });
  as.otherAdmin = await loginAs(app, w, { login: 'adm2', role: 'admin', schoolId: 'S2' });
  as.director = await loginAs(app, w, { login: 'dir1', role: 'director', schoolId: 'sch-1' });
});
afterAll(async () => { await app.close(); w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('/api/v1/imports', () => {
  it('is for the admin of the school only', async () => {
    expect((await post('director', '/api/v1/imports?targetSchool=sch-1&fileName=a.zip', zip)).statusCode).toBe(403);
    expect((await post('otherAdmin', '/api/v1/imports?targetSchool=sch-1&fileName=a.zip', zip)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/imports?targetSchool=sch-1' })).statusCode).toBe(401);
  });

  it('detects OneRoster and previews the first rows mapped', async () => {
    const res = await post('admin', '/api/v1/imports/preview?targetSchool=sch-1&fileName=export.zip&timezone=Asia/Yekaterinburg', zip);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.format).toBe('oneroster');
    expect(p.errorCount).toBe(0);
    const marks = p.tables.find((t: { file: string }) => t.file === 'marks.csv');
    expect(marks.total).toBe(3);
    expect(marks.rows[0].slice(0, 4)).toEqual(['res1', 'li1', 's1', '5']);
  });

  it('imports in the background, lists the batch, and a second upload is unchanged', async () => {
    const res = await post('admin', '/api/v1/imports?targetSchool=sch-1&fileName=export.zip&timezone=Asia/Yekaterinburg', zip);
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().jobId);
    expect(job).toMatchObject({ phase: 'done', percent: 100, format: 'oneroster' });
    expect(job.report.status).toBe('applied');
    expect(job.report.written).toMatchObject({ marks: 3, students: 2 });
    const again = await finished((await post('admin', '/api/v1/imports?targetSchool=sch-1&fileName=export.zip&timezone=Asia/Yekaterinburg', zip)).json().jobId);
    expect(again.report.status).toBe('unchanged');
    const list = (await get('admin', '/api/v1/imports?targetSchool=sch-1')).json().batches;
    expect(list.map((b: { status: string; format: string }) => `${b.format}:${b.status}`).sort()).toEqual(['oneroster:applied', 'oneroster:unchanged']);
    expect((await get('otherAdmin', '/api/v1/imports?targetSchool=S2')).json().batches).toEqual([]);
  });

  it('a rejected spreadsheet: the error report downloads as CSV with file, line, column', async () => {
    const csv = Buffer.from('ФИО;Класс;Классный руководитель\nПетрова Анна;7Б;Орлова Ольга\nСидоров Борис;12Я;Орлова Ольга\n');
    const job = await finished((await post('admin', '/api/v1/imports?targetSchool=sch-1&fileName=список.csv&academicYear=2025/2026', csv)).json().jobId);
    expect(job.format).toBe('xlsx');
    expect(job.report.status).toBe('rejected');
    const batchId = job.report.batchId;
    const res = await get('admin', `/api/v1/imports/${batchId}/errors.csv?targetSchool=sch-1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe('\uFEFFфайл,строка,поле,код,сообщение\nсписок.csv,3,B,bad_class,"список.csv, строка 3, поле B: «12Я» — не класс вида «7Б»"\n');
    expect((await get('otherAdmin', `/api/v1/imports/${batchId}/errors.csv?targetSchool=S2`)).statusCode).toBe(404);
  });

  it('refuses an upload it cannot recognise, in Russian', async () => {
    const res = await post('admin', '/api/v1/imports/preview?targetSchool=sch-1&fileName=x.bin', Buffer.from([0, 1, 2, 3]));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.json())).toContain('Не удалось определить формат файла x.bin');
  });
});
