import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
let teacher: LoggedIn; // A-T: G-A5-RUS
let guardian: LoggedIn; // g1 of s1
let admin: LoggedIn;
const post = (url: string, payload: object, who: LoggedIn) => app.inject({ method: 'POST', url, payload, headers: who.headers });
const reasons = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) => res.json().error.details;

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  teacher = await loginAs(app, warehouse, { login: 'teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
  guardian = await loginAs(app, warehouse, { login: 'parent', role: 'guardian', schoolId: 'SA', guardianId: 'g1' });
  admin = await loginAs(app, warehouse, { login: 'admin', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('control works', () => {
  it('plans a control work and marks the lesson where it was held', async () => {
    const res = await post('/api/v1/entry/groups/G-A5-RUS/control-works', { kind: 'written', title: 'Диктант', plannedDate: '2026-11-24', lessonId: 'L-R1' }, teacher);
    expect(res.statusCode).toBe(200);
    const id = res.json().control_work_id;
    expect(await rows(warehouse, 'select group_id, kind, title, planned_date::varchar as d, lesson_id from raw.control_works')).toEqual([{ group_id: 'G-A5-RUS', kind: 'written', title: 'Диктант', d: '2026-11-24', lesson_id: 'L-R1' }]);
    expect(await rows(warehouse, "select control_work_id from raw.lessons where lesson_id = 'L-R1'")).toEqual([{ control_work_id: id }]);
  });

  it('names every bad field and stores nothing', async () => {
    const res = await post('/api/v1/entry/groups/G-A5-RUS/control-works', { kind: 'oral', title: '', plannedDate: '24.11.2026', lessonId: 'L-M1' }, teacher);
    expect(res.statusCode).toBe(400);
    expect(reasons(res).map((d) => d.field)).toEqual(['kind', 'title', 'plannedDate', 'lessonId']);
    expect(await rows(warehouse, 'select count(*)::integer as n from raw.control_works')).toEqual([{ n: 1 }]);
  });
});

describe('recommendations, diary acknowledgement, consent', () => {
  it('a teacher writes a recommendation for a student they teach', async () => {
    expect((await post('/api/v1/entry/students/s1/recommendations', { text: 'Повторить словарные слова' }, teacher)).statusCode).toBe(200);
    expect(reasons(await post('/api/v1/entry/students/s1/recommendations', { text: '  ' }, teacher))).toEqual([{ field: 'text', reason: 'текст рекомендации: непустой, до 2000 символов' }]);
    expect((await post('/api/v1/entry/students/s3/recommendations', { text: 'чужой ученик' }, teacher)).statusCode).toBe(403);
    expect(await rows(warehouse, 'select student_id, teacher_id, text from raw.recommendations')).toEqual([{ student_id: 's1', teacher_id: 'A-T', text: 'Повторить словарные слова' }]);
  });

  it('a guardian acknowledges the diary up to a past date', async () => {
    expect(reasons(await post('/api/v1/entry/students/s1/acknowledgements', { coversUntil: '2099-01-01' }, guardian))[0]!.reason).toContain('не может быть позже сегодняшней');
    expect(reasons(await post('/api/v1/entry/students/s1/acknowledgements', { coversUntil: 'вчера' }, guardian))).toEqual([{ field: 'coversUntil', reason: 'дата в формате ГГГГ-ММ-ДД' }]);
    expect((await post('/api/v1/entry/students/s1/acknowledgements', { coversUntil: '2026-11-20' }, guardian)).statusCode).toBe(200);
    expect(await rows(warehouse, 'select guardian_id, student_id, covers_until::varchar as d, acknowledged_at is not null as at from raw.parent_acks')).toEqual([{ guardian_id: 'g1', student_id: 's1', d: '2026-11-20', at: true }]);
  });

  it('records consent: a guardian their own, the admin any; bad values named', async () => {
    expect((await post('/api/v1/entry/students/s1/consent', { guardianId: 'g1', consent: 'given', channel: 'web' }, guardian)).statusCode).toBe(200);
    expect((await post('/api/v1/entry/students/s1/consent', { guardianId: 'g2', consent: 'given' }, guardian)).statusCode).toBe(403);
    expect(reasons(await post('/api/v1/entry/students/s1/consent', { guardianId: 'g1', consent: 'maybe', channel: 'pigeon' }, admin)).map((d) => d.field)).toEqual(['consent', 'channel']);
    expect(reasons(await post('/api/v1/entry/students/s1/consent', { guardianId: 'g2', consent: 'refused' }, admin))[0]!.field).toBe('guardianId');
    expect((await post('/api/v1/entry/students/s3/consent', { guardianId: 'g2', consent: 'refused', channel: 'paper' }, admin)).statusCode).toBe(200);
    expect(await rows(warehouse, 'select guardian_id, consent, channel, consent_recorded_at is not null as at from raw.guardians order by 1')).toEqual([
      { guardian_id: 'g1', consent: 'given', channel: 'web', at: true }, { guardian_id: 'g2', consent: 'refused', channel: 'paper', at: true },
    ]);
  });
});
