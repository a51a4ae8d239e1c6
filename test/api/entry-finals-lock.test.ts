import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
let teacher: LoggedIn; // A-T: G-A5-RUS (s1, s2)
let admin: LoggedIn;
const post = (url: string, payload: object, who: LoggedIn = teacher) => app.inject({ method: 'POST', url, payload, headers: who.headers });
const finals = (list: object[], periodId = 'Q2') => post('/api/v1/entry/groups/G-A5-RUS/finals', { periodId, finals: list });
const mark = (lesson = 'L-R1') => post(`/api/v1/entry/lessons/${lesson}/marks`, { marks: [{ studentId: 's1', value: '4', workType: 'oral' }] });

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  teacher = await loginAs(app, warehouse, { login: 'teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
  admin = await loginAs(app, warehouse, { login: 'admin', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('period finals', () => {
  it.each([
    [{ studentId: 's1', value: '7' }, 'finals[0].value', 'не по шкале'],
    [{ studentId: 's1' }, 'finals[0].value', 'нужна оценка или дата отсрочки'],
    [{ studentId: 's3', value: '5' }, 'finals[0].studentId', 'не учился в группе'],
    [{ studentId: 's1', deferredUntil: '2027-02-30' }, 'finals[0].deferredUntil', 'ГГГГ-ММ-ДД'],
  ])('rejects %j naming the field', async (bad, field, reason) => {
    const res = await finals([bad]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field, reason: expect.stringContaining(reason) });
    expect(await rows(warehouse, 'select * from raw.final_marks')).toEqual([]);
  });

  it('rejects an unknown period', async () => {
    expect((await finals([{ studentId: 's1', value: '5' }], 'Q9')).json().error.details[0]).toEqual({ field: 'periodId', reason: 'период «Q9» не найден' });
  });

  it('sets finals incl. осв / н/а / безотм and a deferral; then the period is locked for the teacher', async () => {
    expect((await mark()).statusCode).toBe(200);
    expect((await finals([{ studentId: 's1', value: '5' }, { studentId: 's2', deferredUntil: '2027-01-15' }])).statusCode).toBe(200);
    expect(await rows(warehouse, 'select student_id, subject_id, period_id, value, entered_by, deferred_until::varchar as d, group_id from raw.final_marks order by 1')).toEqual([
      { student_id: 's1', subject_id: 'RUS', period_id: 'Q2', value: '5', entered_by: 'A-T', d: null, group_id: 'G-A5-RUS' },
      { student_id: 's2', subject_id: 'RUS', period_id: 'Q2', value: null, entered_by: null, d: '2027-01-15', group_id: 'G-A5-RUS' },
    ]);
    const locked = await mark();
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'period_locked', message: expect.stringContaining('«2 четверть» закрыт') });
    expect((await post('/api/v1/entry/lessons/L-R1', { topicText: 'поздняя правка' })).statusCode).toBe(409);
    // another period is open
    expect((await mark('L-R0')).statusCode).toBe(200);
    // the deferred student gets a final later; changing a set final is refused
    expect((await finals([{ studentId: 's2', value: 'н/а' }])).statusCode).toBe(200);
    expect((await finals([{ studentId: 's1', value: '4' }])).statusCode).toBe(409);
    expect((await post('/api/v1/entry/groups/G-A6-MATH/finals', { periodId: 'Q2', finals: [{ studentId: 's3', value: 'безотм' }] }, admin)).statusCode).toBe(200);
    expect((await post('/api/v1/entry/groups/G-A6-MATH/finals', { periodId: 'Q2', finals: [{ studentId: 's3', value: 'осв' }] }, admin)).statusCode).toBe(409);
  });

  it('the admin unlocks with a reason (audited); the teacher may change until the unlock ends', async () => {
    const teacherTry = await post('/api/v1/admin/finals-unlocks', { groupId: 'G-A5-RUS', periodId: 'Q2', reason: 'ошибка в оценке' });
    expect(teacherTry.statusCode).toBe(403);
    const noReason = await post('/api/v1/admin/finals-unlocks', { groupId: 'G-A5-RUS', periodId: 'Q2', reason: ' ' }, admin);
    expect(noReason.json().error.details).toEqual([{ field: 'reason', reason: 'укажите причину разблокировки (не короче 5 символов)' }]);
    const res = await post('/api/v1/admin/finals-unlocks', { groupId: 'G-A5-RUS', periodId: 'Q2', reason: 'ошибка в оценке Первова', hours: 2 }, admin);
    expect(res.statusCode).toBe(201);
    const [link] = await rows(warehouse, "select actor, entity_id, after::varchar as a from raw.audit_log where action = 'unlock'");
    expect(link).toMatchObject({ actor: 'admin', entity_id: 'G-A5-RUS:Q2' });
    expect(JSON.parse(String(link!.a))).toMatchObject({ reason: 'ошибка в оценке Первова', period_id: 'Q2' });
    expect((await finals([{ studentId: 's1', value: '4' }])).statusCode).toBe(200);
    expect((await mark()).statusCode).toBe(200);
    await rows(warehouse, 'update app.finals_unlocks set until = now() - interval 1 minute');
    expect((await mark()).statusCode).toBe(409);
  });
});
