import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// GET /api/v1/metrics/:id and /api/v1/summary through the real app, sessions and scope, on
// test/fixtures/rules/two-zones.sql (schools S5 and S10 of district D1).
let w: Warehouse;
let dir: string;
let app: FastifyInstance;
const as: Record<string, LoggedIn> = {};
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]?.headers });

beforeAll(async () => {
  ({ warehouse: w, dir } = await twoZonesWarehouse());
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
  as.director = await loginAs(app, w, { login: 'dir5', role: 'director', schoolId: 'S5' });
  as.teacher = await loginAs(app, w, { login: 'teach2', role: 'teacher', schoolId: 'S5', staffId: 'T2' });
  as.district = await loginAs(app, w, { login: 'dist', role: 'district', districtId: 'D1' });
  as.guardian = await loginAs(app, w, { login: 'parent1', role: 'guardian', schoolId: 'S5', guardianId: 'P1' });
});
afterAll(async () => { await app.close(); w.close(); rmSync(dir, { recursive: true, force: true }); });

const ids = (res: { json: () => { rows: Record<string, unknown>[] } }) => res.json().rows.map((r) => r.record_id);

describe('GET /api/v1/metrics/:id', () => {
  it('401 without a session; 403 for a guardian', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/metrics/R-MARK-DAY' })).statusCode).toBe(401);
    expect((await get('guardian', '/api/v1/metrics/R-MARK-DAY')).statusCode).toBe(403);
  });

  it('a director gets the breaches of their own school only, with the spec\'s columns', async () => {
    const res = await get('director', '/api/v1/metrics/R-MARK-DAY?as_of=2025-11-05');
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe('R-MARK-DAY');
    expect(res.json().rows[0]).toEqual({
      rule_id: 'R-MARK-DAY', school_id: 'S5', teacher_id: 'T1', class_id: '7A', group_id: 'G7A-MATH', subject_id: 'MATH',
      record_kind: 'mark', record_id: 'M2', student_id: 's2', due_at: '2025-09-10T00:00:00+05:00',
      entered_at: '2025-09-10T00:01:00+05:00', late_minutes: 1,
    });
    expect(ids(res)).toEqual(['M2', 'M8']);
    // another school -> 403, however it is named
    expect((await get('director', '/api/v1/metrics/R-MARK-DAY?schoolId=S10&as_of=2025-11-05')).statusCode).toBe(403);
    expect((await get('director', '/api/v1/metrics/R-MARK-DAY?school=S10&as_of=2025-11-05')).statusCode).toBe(403);
  });

  it('a teacher sees the records of the groups they teach', async () => {
    expect(ids(await get('teacher', '/api/v1/metrics/R-HOMEWORK?as_of=2025-11-05'))).toEqual(['L2']);
    expect(ids(await get('teacher', '/api/v1/metrics/R-PERIOD-FINAL?as_of=2025-11-10'))).toEqual(['s2:RUS:Q1']);
  });

  it('a district caller gets no child: student ids and final ids are null; per-student grain refused', async () => {
    const res = await get('district', '/api/v1/metrics/R-PERIOD-FINAL?schoolId=S5&as_of=2025-11-05');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: Record<string, unknown>) => [r.subject_id, r.student_id, r.record_id, r.late_minutes]))
      .toEqual([['MATH', null, null, -1], ['ELC', null, null, 3420], ['MATH', null, null, null]]);
    expect((await get('district', '/api/v1/metrics/M-PASS?schoolId=S5&by=student')).statusCode).toBe(403);
  });

  it('bad input: unknown id 404, bad date and bad grain 400, in Russian', async () => {
    const unknown = await get('director', '/api/v1/metrics/R-NOPE');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('Неизвестный показатель');
    expect((await get('director', '/api/v1/metrics/R-MARK-DAY?as_of=05.11.2025')).statusCode).toBe(400);
    const grain = await get('director', '/api/v1/metrics/M-PASS?by=planet');
    expect(grain.statusCode).toBe(400);
    expect(grain.json().error.message).toContain('by');
  });
});

describe('GET /api/v1/summary', () => {
  it('per school and per teacher: judged, breaches, timeliness and completeness of every rule', async () => {
    const res = await get('director', '/api/v1/summary?as_of=2025-11-05');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.schools).toHaveLength(1);
    const school = s.schools[0];
    expect([school.school_id, school.name]).toEqual(['S5', 'Школа UTC+5']);
    // S5: mark-day 2 + homework 2 + attendance 2 + topic 2 + substitution 2 + vshk 1 + written 1 + finals 3 + lock 2 + setup 3
    expect(school.breaches).toBe(20);
    // R-ATTENDANCE: 11 due lessons (L1-L5, L7-L12), 2 missing -> 9 on time
    expect(school.rules['R-ATTENDANCE']).toEqual({ judged: 11, breaches: 2, timely_rate: 900 / 11, complete_rate: 900 / 11 });
    // R-TOPIC: L4 late (entered) and L5 missing
    expect(school.rules['R-TOPIC']).toEqual({ judged: 11, breaches: 2, timely_rate: 900 / 11, complete_rate: 1000 / 11 });
    const t1 = s.teachers.find((t: { teacher_id: string }) => t.teacher_id === 'T1');
    expect(t1.name).toBe('Иванова Анна Петровна');
    expect(t1.rules['R-MARK-DAY']).toEqual({ judged: 3, breaches: 2, timely_rate: 100 / 3, complete_rate: 100 });
    expect(t1.rules['R-ARCHIVE']).toEqual({ judged: 0, breaches: 0, timely_rate: null, complete_rate: null });
    expect(s.metrics['M-PASS'].by).toBe('class');
  });

  it('metrics=false: the same rule figures without the metric rows', async () => {
    const all = (await get('director', '/api/v1/summary?as_of=2025-11-05')).json();
    const rules = await get('director', '/api/v1/summary?as_of=2025-11-05&metrics=false');
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toEqual({ schools: all.schools, teachers: all.teachers, metrics: {} });
    expect(all.schools[0].breaches).toBe(20);
    expect((await get('director', '/api/v1/summary?metrics=perhaps')).statusCode).toBe(400);
  });
});
