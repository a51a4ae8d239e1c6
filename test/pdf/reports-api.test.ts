import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { exampleWarehouse } from '../fixtures/forms/load-bundle-rows';
import { pdfText, squash } from '../fixtures/forms/pdf-tools';

// The real app (sessions, roles, scope) on the example school E1 plus a second class 7А with one pupil.
let w: Warehouse;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const get = (who: string | null, url: string) => app.inject({ method: 'GET', url, headers: who ? as[who]!.headers : {} });

beforeAll(async () => {
  const ex = await exampleWarehouse();
  w = ex.w;
  await w.withConnection(async (c) => {
    await c.run(`insert into raw.classes values ('E1', 'E-7A', 7, 'А', 'E-T2', null)`);
    await c.run(`insert into raw.students values ('E1', 'e9', 'Дмитриев Олег', null, false)`);
    await c.run(`insert into raw.enrollments values ('E1', 'e9', 'E-7A', '2025-09-01', null, 'admitted', null)`);
  });
  await runModels(w);
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${ex.dir}/w.duckdb`, SVODKA_DATA_DIR: ex.dir }), dashboardDir: `${ex.dir}/none` });
  as.director = await loginAs(app, w, { login: 'dir', role: 'director', schoolId: 'E1', staffId: 'E-D' });
  as.lead = await loginAs(app, w, { login: 'lead', role: 'class_teacher', schoolId: 'E1', staffId: 'E-T1' });
  as.lead7a = await loginAs(app, w, { login: 'lead7a', role: 'class_teacher', schoolId: 'E1', staffId: 'E-T2' });
  as.district = await loginAs(app, w, { login: 'dist', role: 'district', districtId: 'D-EKB' });
  as.guardian = await loginAs(app, w, { login: 'parent', role: 'guardian', schoolId: 'E1', guardianId: 'G1' });
  as.admin = await loginAs(app, w, { login: 'adm', role: 'admin', schoolId: 'E1' });
});
afterAll(async () => {
  await app?.close();
  await closeSharedBrowser();
  w?.close();
});

describe('GET /api/v1/reports/:form', () => {
  it('401 without a session, 403 for a role the form is not for', async () => {
    expect((await get(null, '/api/v1/reports/F-SUMMARY?school=E1&class=E-7B')).statusCode).toBe(401);
    expect((await get('guardian', '/api/v1/reports/F-SUMMARY?school=E1&class=E-7B')).statusCode).toBe(403);
    expect((await get('district', '/api/v1/reports/F-SUMMARY?school=E1&class=E-7B')).statusCode).toBe(403);
    expect((await get('director', '/api/v1/reports/F-NOPE?school=E1')).statusCode).toBe(404);
  });

  it('a director gets the summary sheet as a PDF', async () => {
    const res = await get('director', '/api/v1/reports/F-SUMMARY?school=E1&class=E-7B');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(squash(pdfText(res.rawPayload))).toMatch(/2 Баранова Полина н\/а 4/);
  });

  it("a class teacher gets a diary extract of their own class's pupil, not of another class", async () => {
    const ok = await get('lead', '/api/v1/reports/F-EXTRACT?school=E1&student=e2');
    expect(ok.statusCode).toBe(200);
    expect(squash(pdfText(ok.rawPayload))).toContain('Обучающийся: Баранова Полина');
    const other = await get('lead', '/api/v1/reports/F-EXTRACT?school=E1&student=e9');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('вне ваших прав');
    // 7А's class teacher teaches geography in 7Б: may see the pupil, but the extract is 7Б's teacher's duty
    const taught = await get('lead7a', '/api/v1/reports/F-EXTRACT?school=E1&student=e2');
    expect(taught.statusCode).toBe(403);
    expect(taught.json().error.message).toBe('Нет доступа: ученик «e2» не из вашего класса');
  });

  it('a district caller gets the district form without children; not another district', async () => {
    const res = await get('district', '/api/v1/reports/F-DISTRICT?as_of=2025-11-05');
    expect(res.statusCode).toBe(200);
    const text = squash(pdfText(res.rawPayload));
    expect(text).toContain('Кировский район');
    expect(text).toContain('МАОУ СОШ № 12');
    expect(text).not.toContain('Баранова');
    expect(text).toMatch(/МАОУ СОШ № 12 7Б 1 четверть 4 2 50,0 %/);
    expect((await get('district', '/api/v1/reports/F-DISTRICT?district=D-OTHER')).statusCode).toBe(403);
    const pass = await get('district', '/api/v1/reports/F-PASS?school=E1&class=E-7B&as_of=2025-11-05');
    expect(pass.statusCode).toBe(200);
    const passText = squash(pdfText(pass.rawPayload));
    expect(passText).toMatch(/7Б География 1 четверть 4 2 50,0 %/);
    expect(passText).not.toContain('По обучающимся');
    expect(passText).not.toContain('Баранова');
  });

  it('signs on request; the file checks as valid, one changed byte as altered; the QR page answers', async () => {
    expect((await get('lead', '/api/v1/reports/F-EXTRACT?school=E1&student=e2&sign=true')).statusCode).toBe(403);
    const res = await get('director', '/api/v1/reports/F-JOURNAL?school=E1&class=E-7B&sign=true');
    expect(res.statusCode).toBe(200);
    const pdf = res.rawPayload;
    const check = (body: Buffer) => app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: body });
    const valid = await check(pdf);
    expect(valid.json()).toMatchObject({ status: 'valid', form_id: 'F-JOURNAL', school_id: 'E1', academic_year: '2025/2026' });
    const altered = Buffer.from(pdf);
    altered[200] = altered[200]! ^ 0x01;
    expect((await check(altered)).json()).toMatchObject({ status: 'altered', message: 'Документ изменён после подписания: подпись не соответствует содержимому' });
    const contentId = /verify\/([0-9a-f]{64})/.exec(pdfText(pdf, false).replace(/\s+/g, ''))![1]!;
    const page = await app.inject({ method: 'GET', url: `/verify/${contentId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-status="valid"');
    expect(page.body).toContain('F-JOURNAL');
    expect((await app.inject({ method: 'GET', url: `/verify/${'0'.repeat(64)}` })).body).toContain('data-status="unknown"');
    // the archived copy is modified on disk: the QR page says altered
    const list = await get('director', '/api/v1/archive?school=E1');
    const entry = list.json().entries.find((e: { form_id: string }) => e.form_id === 'F-JOURNAL');
    writeFileSync(entry.file_path, Buffer.concat([readFileSync(entry.file_path), Buffer.from('x')]));
    expect((await app.inject({ method: 'GET', url: `/verify/${contentId}` })).body).toContain('data-status="altered"');
    const verify = await get('director', '/api/v1/archive/verify?school=E1');
    expect(verify.json()).toMatchObject({ ok: false, problems: [{ form_id: 'F-JOURNAL', status: 'changed' }] });
    // deletion before the end of retention (5 years after 2026-05-29) is refused
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/archive/${entry.entry_id}`, headers: as.admin!.headers });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toBe('Удаление запрещено: документ F-JOURNAL хранится до 29.05.2031 включительно');
  });
});

describe('exports and backups', () => {
  it('M-PASS as CSV (BOM, Russian headers, ; and decimal comma) and XLSX with numeric cells', async () => {
    const csv = await get('director', '/api/v1/exports/M-PASS.csv?school=E1&as_of=2025-11-05');
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = csv.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('Класс;Предмет;Период;Обучающихся;Успевают;Успеваемость, %;Качество знаний, %;СОУ, %;Средний балл');
    expect(lines.find((l) => l.includes(';GEO;'))).toContain(';4;2;50;50;42,75;4,5');
    const xlsx = await get('director', '/api/v1/exports/M-PASS.xlsx?school=E1&as_of=2025-11-05');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('СОУ, %');
    const souCol = header.indexOf('СОУ, %') + 1;
    const geo = [2, 3].map((i) => ws.getRow(i)).find((r) => (r.values as unknown[]).includes('GEO'))!;
    expect(geo.getCell(souCol).value).toBe(42.75);
    expect(geo.getCell(souCol).numFmt).toBe('0.0');
  });

  it('a district caller exports aggregates with the child columns emptied', async () => {
    const csv = await get('district', '/api/v1/exports/R-PERIOD-FINAL.csv?school=E1&as_of=2025-11-05');
    expect(csv.statusCode).toBe(200);
    const lines = csv.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4); // header + the 3 breaches of the README
    expect(lines.slice(1).every((l) => !/;e[1-4];/.test(l) && !l.includes('e2:'))).toBe(true);
  });

  it('an admin makes a backup on demand; a director may not', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/backups', headers: as.director!.headers })).statusCode).toBe(403);
    const res = await app.inject({ method: 'POST', url: '/api/v1/backups', headers: as.admin!.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await get('admin', '/api/v1/backups');
    expect(list.json().backups).toHaveLength(1);
    expect(list.json().log[0]).toMatchObject({ status: 'done', trigger: 'api' });
  });
});
