import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { smallSchoolWarehouse } from '../fixtures/dashboard/small-school';

let w: Warehouse;
let dir: string;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]?.headers });

beforeAll(async () => {
  ({ warehouse: w, dir } = await smallSchoolWarehouse());
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
  as.director = await loginAs(app, w, { login: 'dir1', role: 'director', schoolId: 'S1' });
  as.teacher = await loginAs(app, w, { login: 'teach2', role: 'teacher', schoolId: 'S1', staffId: 'T2' });
  as.lead = await loginAs(app, w, { login: 'lead1', role: 'class_teacher', schoolId: 'S1', staffId: 'T1' });
  as.guardian = await loginAs(app, w, { login: 'parent1', role: 'guardian', schoolId: 'S1', guardianId: 'P1' });
  as.district = await loginAs(app, w, { login: 'district1', role: 'district', districtId: 'D1' });
});
afterAll(async () => { await app.close(); w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('dashboard read endpoints', () => {
  it('refuse a caller who has not logged in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/dashboard/reference?schoolId=S1' });
    expect(res.statusCode).toBe(401);
  });

  it('give a director the names of their school and refuse another school', async () => {
    const res = await get('director', '/api/v1/dashboard/reference?schoolId=S1');
    expect(res.statusCode).toBe(200);
    expect(res.json().classes.map((c: { name: string }) => c.name)).toEqual(['7Б', '10А']);
    expect(res.json().school).toMatchObject({ name: 'Школа №1', timezone: 'Asia/Yekaterinburg', yearEndsOn: '2026-05-31' });
    const other = await get('director', '/api/v1/dashboard/reference?schoolId=S2');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/Нет доступа|вне ваших/);
  });

  it('give a teacher the journal of a group they teach, writable, and refuse another group', async () => {
    const res = await get('teacher', '/api/v1/dashboard/journal?schoolId=S1&groupId=G7P&from=2025-09-01&to=2025-09-30');
    expect(res.statusCode).toBe(200);
    const j = res.json();
    expect(j.group).toMatchObject({ subjectName: 'Физика', writable: true, markScale: 'five_point' });
    expect(j.lessons.map((l: { id: string }) => l.id)).toEqual(['L3']);
    expect(j.students.map((s: { id: string }) => s.id)).toEqual(['st2']);
    expect(j.cells).toEqual([expect.objectContaining({ kind: 'mark', lessonId: 'L3', studentId: 'st2', value: '3' })]);
    expect((await get('teacher', '/api/v1/dashboard/journal?schoolId=S1&groupId=G7M')).statusCode).toBe(403);
  });

  it('reject a window that ends before it starts, in Russian', async () => {
    const res = await get('teacher', '/api/v1/dashboard/journal?schoolId=S1&groupId=G7P&from=2025-10-01&to=2025-09-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('позже даты');
  });

  it('give a guardian their child\'s diary and refuse another child', async () => {
    const res = await get('guardian', '/api/v1/dashboard/diary?schoolId=S1&studentId=st1&week=2025-09-10');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.from).toBe('2025-09-08');
    expect(d.student).toMatchObject({ name: 'Алексеев Борис', className: '7Б' });
    expect(d.lessons.map((l: { id: string; marks: string | null }) => [l.id, l.marks])).toEqual([['L1', '5'], ['L2', '4']]);
    expect(d.acknowledged).toEqual({ coversUntil: '2025-09-10', at: '2025-09-10T15:00:00Z' });
    expect((await get('guardian', '/api/v1/dashboard/diary?schoolId=S1&studentId=st2')).statusCode).toBe(403);
  });

  it('give a class teacher their class and refuse another class', async () => {
    const res = await get('lead', '/api/v1/dashboard/class?schoolId=S1&classId=C7B&period=Q1');
    expect(res.statusCode).toBe(200);
    expect(res.json().students.map((s: { id: string; missed: number }) => [s.id, s.missed])).toEqual([['st1', 0], ['st2', 1]]);
    expect((await get('lead', '/api/v1/dashboard/class?schoolId=S1&classId=C10A&period=Q1')).statusCode).toBe(403);
  });

  it('show district staff their schools but no child', async () => {
    const res = await get('district', '/api/v1/dashboard/schools');
    expect(res.json().schools.map((s: { id: string }) => s.id)).toEqual(['S1', 'S2']);
    expect((await get('district', '/api/v1/dashboard/diary?schoolId=S1&studentId=st1')).statusCode).toBe(403);
    expect((await get('district', '/api/v1/dashboard/class?schoolId=S1&classId=C7B&period=Q1')).statusCode).toBe(403);
  });
});
