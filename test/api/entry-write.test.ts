import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
let teacher: LoggedIn; // A-T teaches G-A5-RUS (5А: s1, s2)
const post = (url: string, payload: unknown, who: LoggedIn = teacher) => app.inject({ method: 'POST', url, payload: payload as object, headers: who.headers });
const count = async (table: string) => Number((await rows(warehouse, `select count(*)::integer as n from ${table}`))[0]!.n);

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  teacher = await loginAs(app, warehouse, { login: 'teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('lesson record', () => {
  it('records topic, homework, attendance; the server stamps entered_at and entered_by', async () => {
    const before = Date.now();
    const res = await post('/api/v1/entry/lessons/L-R1', {
      topicId: 'K-R1', homeworkText: '§12, упр. 3', homeworkMinutes: 20, attendance: [{ studentId: 's2', status: 'sick' }],
    });
    expect(res.statusCode).toBe(200);
    const [l] = await rows(warehouse, "select status, topic_id, homework_text, homework_minutes, epoch_ms(topic_entered_at) as t, epoch_ms(attendance_entered_at) as a, conducted_by from raw.lessons where lesson_id = 'L-R1'");
    expect(l).toMatchObject({ status: 'held', topic_id: 'K-R1', homework_text: '§12, упр. 3', homework_minutes: 20, conducted_by: null });
    expect(Number(l!.t)).toBeGreaterThanOrEqual(before - 5);
    expect(Number(l!.a)).toBeLessThanOrEqual(Date.now());
    expect(await rows(warehouse, "select student_id, status, entered_by from raw.attendance where lesson_id = 'L-R1'")).toEqual([{ student_id: 's2', status: 'sick', entered_by: 'A-T' }]);
  });

  it('keeps the first entry time of the topic when the topic is corrected later', async () => {
    const [first] = await rows(warehouse, "select epoch_ms(topic_entered_at) as t from raw.lessons where lesson_id = 'L-R1'");
    await new Promise((r) => setTimeout(r, 20));
    expect((await post('/api/v1/entry/lessons/L-R1', { topicId: null, topicText: 'Имя существительное (повторение)' })).statusCode).toBe(200);
    const [again] = await rows(warehouse, "select topic_id, topic_text, epoch_ms(topic_entered_at) as t from raw.lessons where lesson_id = 'L-R1'");
    expect(again).toEqual({ topic_id: null, topic_text: 'Имя существительное (повторение)', t: first!.t });
  });

  it('records a substitution: conducted_by and substitution_recorded_at', async () => {
    expect((await post('/api/v1/entry/lessons/L-R1', { conductedBy: 'A-T2' })).statusCode).toBe(200);
    const [l] = await rows(warehouse, "select conducted_by, substitution_recorded_at is not null as recorded from raw.lessons where lesson_id = 'L-R1'");
    expect(l).toEqual({ conducted_by: 'A-T2', recorded: true });
    expect((await post('/api/v1/entry/lessons/L-R1', { conductedBy: 'A-T' })).statusCode).toBe(200);
    expect((await rows(warehouse, "select conducted_by, substitution_recorded_at from raw.lessons where lesson_id = 'L-R1'"))[0]).toEqual({ conducted_by: null, substitution_recorded_at: null });
  });

  it.each([
    [{ topicId: 'K-NOPE' }, 'topicId', 'не найдена в КТП'],
    [{ topicText: 'x'.repeat(501) }, 'topicText', '500'],
    [{ homeworkText: 'x'.repeat(2001) }, 'homeworkText', '2000'],
    [{ homeworkText: '§1', homeworkMinutes: 1.5 }, 'homeworkMinutes', 'целое'],
    [{ homeworkMinutes: 10 }, 'homeworkMinutes', 'без текста'],
    [{ attendance: [{ studentId: 's3', status: 'absent' }] }, 'attendance[0].studentId', 'не состоит в группе'],
    [{ attendance: [{ studentId: 's1', status: 'asleep' }] }, 'attendance[0].status', 'допустимы'],
    [{ attendance: [{ studentId: 's1', status: 'absent' }, { studentId: 's1', status: 'late' }] }, 'attendance[1].studentId', 'дважды'],
    [{ conductedBy: 'B-T' }, 'conductedBy', 'не найден'],
    [{ status: 'moved' }, 'movedToDate', 'дата'],
    [{ status: 'exploded' }, 'status', 'допустимы'],
  ])('rejects %j naming the field, and changes nothing', async (body, field, reason) => {
    const lessons = await rows(warehouse, 'select * from raw.lessons order by lesson_id');
    const audit = await count('raw.audit_log');
    const res = await post('/api/v1/entry/lessons/L-R1', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field, reason: expect.stringContaining(reason) });
    expect(res.json().error.message).toContain(`«${field}»`);
    expect(await rows(warehouse, 'select * from raw.lessons order by lesson_id')).toEqual(lessons);
    expect(await count('raw.audit_log')).toBe(audit);
  });

  it('refuses to hold a lesson that is still in the future', async () => {
    const res = await post('/api/v1/entry/lessons/L-RF', { topicText: 'Будущее' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'status', reason: expect.stringContaining('ещё не прошёл') });
  });
});

describe('marks', () => {
  it('enters marks in bulk with the server time and author; changes one; removes one', async () => {
    const res = await post('/api/v1/entry/lessons/L-R1/marks', { marks: [
      { studentId: 's1', value: '5', workType: 'oral' },
      { studentId: 's2', value: '3', workType: 'test', weight: 2, makeup: true, comment: 'пересдача' },
    ] });
    expect(res.statusCode).toBe(200);
    const ids = res.json().markIds as string[];
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^N-[0-9a-f-]{36}$/);
    expect(await rows(warehouse, "select student_id, value, work_type, weight, makeup, comment, entered_by from raw.marks where lesson_id = 'L-R1' order by student_id")).toEqual([
      { student_id: 's1', value: '5', work_type: 'oral', weight: 1, makeup: false, comment: null, entered_by: 'A-T' },
      { student_id: 's2', value: '3', work_type: 'test', weight: 2, makeup: true, comment: 'пересдача', entered_by: 'A-T' },
    ]);
    const change = await post('/api/v1/entry/lessons/L-R1/marks', { marks: [{ markId: ids[0], studentId: 's1', value: '4', workType: 'oral' }], removeMarkIds: [ids[1]] });
    expect(change.json()).toMatchObject({ changed: 2, removed: 1 });
    expect(await rows(warehouse, "select mark_id, value from raw.marks where lesson_id = 'L-R1'")).toEqual([{ mark_id: ids[0], value: '4' }]);
    // three links: create, create, then update + delete
    expect(await rows(warehouse, "select action, entity from raw.audit_log where entity = 'mark' order by seq")).toEqual([
      { action: 'create', entity: 'mark' }, { action: 'create', entity: 'mark' }, { action: 'update', entity: 'mark' }, { action: 'delete', entity: 'mark' },
    ]);
  });

  it.each([
    [{ studentId: 's1', value: '6', workType: 'oral' }, 'marks[0].value', 'не по шкале школы (1–5)'],
    [{ studentId: 's1', value: 'зач', workType: 'oral' }, 'marks[0].value', 'не по шкале'],
    [{ studentId: 's3', value: '5', workType: 'oral' }, 'marks[0].studentId', 'не состоит в группе'],
    [{ studentId: 's1', value: '5', workType: '' }, 'marks[0].workType', 'вид работы'],
    [{ studentId: 's1', value: '5', workType: 'oral', weight: 0 }, 'marks[0].weight', 'больше 0'],
    [{ studentId: 's1', value: '5', workType: 'oral', comment: 'x'.repeat(501) }, 'marks[0].comment', '500'],
    [{ markId: 'EM-NOPE', studentId: 's1', value: '5', workType: 'oral' }, 'marks[0].markId', 'не найдена'],
    [{ studentId: 's1', value: '5', workType: 'oral', comment: 'a\ud800b' }, 'marks[0].comment', 'недопустимый символ'],
    [{ studentId: 's1', value: '5', workType: 'o\udc00' }, 'marks[0].workType', 'недопустимый символ'],
  ])('rejects %j naming the field; no mark of the request is stored', async (bad, field, reason) => {
    const marks = await count('raw.marks');
    const res = await post('/api/v1/entry/lessons/L-R1/marks', { marks: [bad, { studentId: 's2', value: '5', workType: 'oral' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field, reason: expect.stringContaining(reason) });
    expect(await count('raw.marks')).toBe(marks);
  });

  it('rejects a value of the wrong type through the schema, naming the field', async () => {
    const res = await post('/api/v1/entry/lessons/L-R1/marks', { marks: [{ studentId: 's1', value: { five: true }, workType: 'oral' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('marks.0.value');
  });

  it('uses the school scale: ten_point in school SB', async () => {
    const bt = await loginAs(app, warehouse, { login: 'bteacher', role: 'teacher', schoolId: 'SB', staffId: 'B-T' });
    expect((await post('/api/v1/entry/lessons/L-B1/marks', { marks: [{ studentId: 's9', value: '9', workType: 'oral' }] }, bt)).statusCode).toBe(200);
    expect((await post('/api/v1/entry/lessons/L-B1/marks', { marks: [{ studentId: 's9', value: '11', workType: 'oral' }] }, bt)).json().error.details[0].reason).toContain('1–10');
  });

  it('refuses marks in a group the teacher does not teach, also through a lesson of it', async () => {
    const res = await post('/api/v1/entry/lessons/L-M1/marks', { marks: [{ studentId: 's1', value: '5', workType: 'oral' }] });
    expect(res.statusCode).toBe(403);
  });
});
