import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { appendAudit, auditLinkText, sha256 } from '../../ingest/audit/append-audit';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { auditChecks } from '../../ingest/audit/verify-chain';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { loginAs, type LoggedIn } from '../fixtures/auth/login';
import { openTestWarehouse, rows, seedTwoSchools } from '../fixtures/auth/test-warehouse';

let warehouse: Warehouse;
let app: FastifyInstance;
let teacher: LoggedIn;
let admin: LoggedIn;
let markIds: string[];
const verify = async () => (await app.inject({ method: 'GET', url: '/api/v1/admin/audit/verify', headers: admin.headers })).json();

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  teacher = await loginAs(app, warehouse, { login: 'teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' });
  admin = await loginAs(app, warehouse, { login: 'admin', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' });
  const res = await app.inject({ method: 'POST', url: '/api/v1/entry/lessons/L-R1/marks', headers: teacher.headers, payload: { marks: [
    { studentId: 's1', value: '5', workType: 'oral' }, { studentId: 's2', value: '4', workType: 'oral' },
  ] } });
  markIds = res.json().markIds;
  await app.inject({ method: 'POST', url: '/api/v1/entry/lessons/L-R1', headers: teacher.headers, payload: { topicText: 'Тема', attendance: [{ studentId: 's1', status: 'late' }] } });
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('audit chain', () => {
  it('links every write to the previous one, with before and after values', async () => {
    const links = await rows(warehouse, "select seq, actor, action, entity, entity_id, before::varchar as b, after::varchar as a from raw.audit_log where entity in ('mark', 'lesson', 'attendance') order by seq");
    expect(links.map((l) => [l.actor, l.action, l.entity])).toEqual([
      ['teacher', 'create', 'mark'], ['teacher', 'create', 'mark'], ['teacher', 'update', 'lesson'], ['teacher', 'create', 'attendance'],
    ]);
    expect(links[0]!.b).toBe('null');
    expect(JSON.parse(String(links[0]!.a))).toMatchObject({ mark_id: markIds[0], student_id: 's1', value: '5', entered_by: 'A-T' });
    expect(JSON.parse(String(links[2]!.b))).toMatchObject({ status: 'planned', topic_text: null });
    expect(JSON.parse(String(links[2]!.a))).toMatchObject({ status: 'held', topic_text: 'Тема' });
  });

  it('verifies an intact chain through the api', async () => {
    const v = await verify();
    expect(v.ok).toBe(true);
    const n = Number((await rows(warehouse, 'select count(*) as n from raw.audit_log'))[0]!.n);
    expect(v.checks.map((c: { name: string; checked: number }) => [c.name, c.checked])).toEqual([['audit-chain', n], ['audited-rows', 4]]);
  });

  it('detects a data row edited behind the api and names it', async () => {
    await rows(warehouse, "update raw.marks set value = '2' where mark_id = $id", { id: markIds[1]! });
    const v = await verify();
    expect(v.ok).toBe(false);
    const problem = v.checks[1].problems[0];
    expect(problem.message).toContain(`«${markIds[1]}»`);
    expect(problem.message).toContain('raw.marks');
    const [link] = await rows(warehouse, "select seq from raw.audit_log where entity_id = $id", { id: markIds[1]! });
    expect(problem.seq).toBe(Number(link!.seq));
    expect(v.checks[0].ok).toBe(true);
    await rows(warehouse, "update raw.marks set value = '4' where mark_id = $id", { id: markIds[1]! });
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted attendance row and a row inserted into an audited set', async () => {
    await rows(warehouse, "delete from raw.attendance where lesson_id = 'L-R1'");
    expect((await verify()).checks[1].problems[0].message).toContain('raw.attendance');
    await rows(warehouse, "insert into raw.attendance values ('SA', 'L-R1', 's1', 'late', now(), 'A-T')");
    // entered_at differs from the audited one: still detected
    expect((await verify()).ok).toBe(false);
  });

  it('detects an edited audit link and names the first broken one', async () => {
    const links = await rows(warehouse, 'select seq from raw.audit_log order by seq');
    const target = Number(links[2]!.seq);
    await rows(warehouse, "update raw.audit_log set actor = 'someone-else' where seq = $s", { s: target });
    const [chain] = await runIntegrityChecks(warehouse, auditChecks);
    expect(chain).toMatchObject({ name: 'audit-chain', ok: false, checked: target - 1 });
    expect(chain!.problems[0]).toMatchObject({ seq: target, message: `Запись аудита №${target}: содержимое изменено после записи (хеш не совпадает)` });
  });

  it('detects a deleted link (a gap) and a re-hashed link that breaks prev_hash', async () => {
    const w2 = await openTestWarehouse();
    try {
      for (let i = 0; i < 4; i++) await serializedWrite(w2, (c) => appendAudit(c, { actor: 'a', action: 'x', entity: 'e', entityId: String(i), after: { i } }));
      expect((await runIntegrityChecks(w2, auditChecks))[0]!.ok).toBe(true);
      // link 3 rewritten with a correct hash of the new content: link 4 no longer points to it
      const [l] = await rows(w2, 'select epoch_ms(occurred_at) as ms, entity_id, after::varchar as after, prev_hash from raw.audit_log where seq = 3');
      const forged = sha256(auditLinkText({ seq: 3, occurredAt: new Date(Number(l!.ms)).toISOString(), actor: 'forger', action: 'x', entity: 'e', entityId: String(l!.entity_id), schoolId: null, before: null, after: String(l!.after), prevHash: String(l!.prev_hash) }));
      await rows(w2, "update raw.audit_log set actor = 'forger', hash = $h where seq = 3", { h: forged });
      expect((await runIntegrityChecks(w2, auditChecks))[0]!.problems[0]).toMatchObject({ seq: 4, message: 'Запись аудита №4: не ссылается на предыдущую запись (prev_hash)' });
      await rows(w2, 'delete from raw.audit_log where seq = 2');
      expect((await runIntegrityChecks(w2, auditChecks))[0]!.problems[0]).toMatchObject({ seq: 3, message: 'Запись аудита №3: пропущена запись №2' });
    } finally {
      w2.close();
    }
  });
});
