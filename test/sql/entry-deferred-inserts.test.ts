import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { serializedWritesDone } from '../../ingest/audit/serialized-write';
import { auditChecks } from '../../ingest/audit/verify-chain';
import { enterMarks } from '../../ingest/entry/enter-marks';
import type { EntryActor } from '../../ingest/entry/entry-actor';
import { recordLesson } from '../../ingest/entry/record-lesson';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { rows, twentyTeachersWarehouse } from '../fixtures/auth/test-warehouse';

// New marks of writes grouped into one transaction are inserted, read back and audited together
// (ingest/entry/deferred-inserts.ts); a write of another kind in the same group, and one that fails,
// must leave the same rows and audit links as one-by-one writes would.
let warehouse: Warehouse;
const actor = (i: number): EntryActor => ({
  login: `t${i}`, enteredBy: `A-C${i}`, staffId: `A-C${i}`, guardianId: null, schools: ['SA'], writableGroups: [`G-C${i}`],
});
const mark = (studentId: string, value: string) => ({ studentId, value, workType: 'oral' });

beforeAll(async () => {
  warehouse = await twentyTeachersWarehouse();
});
afterAll(async () => {
  await flushRefresh();
  warehouse.close();
});

describe('new marks of a group of writes', () => {
  it('are stored and audited one link per mark, beside a lesson record and a failing write', async () => {
    const outcomes = await Promise.allSettled([
      enterMarks(warehouse, actor(1), 'L-C1', { marks: [mark('s1', '5'), mark('s2', '4')] }),
      enterMarks(warehouse, actor(2), 'L-C2', { marks: [mark('s1', '3')] }),
      enterMarks(warehouse, actor(3), 'L-C3', { marks: [{ ...mark('s1', '2'), markId: 'NOPE' }] }),
      recordLesson(warehouse, actor(4), 'L-C4', { topicText: 'Дроби' }),
      enterMarks(warehouse, actor(4), 'L-C4', { marks: [mark('s2', '5')] }),
      enterMarks(warehouse, actor(5), 'L-C5', { marks: [mark('s1', '4'), mark('s2', '4'), mark('s1', '5')] }),
    ]);
    await serializedWritesDone(warehouse);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const values = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : null)) as ({ markIds?: string[]; changed?: number } | null)[];
    expect([0, 1, 4, 5].map((i) => values[i]?.changed)).toEqual([2, 1, 1, 3]);

    const stored = await rows(warehouse, "select lesson_id, value, entered_by from raw.marks where lesson_id like 'L-C%' order by lesson_id, value");
    expect(stored).toEqual([
      { lesson_id: 'L-C1', value: '4', entered_by: 'A-C1' }, { lesson_id: 'L-C1', value: '5', entered_by: 'A-C1' },
      { lesson_id: 'L-C2', value: '3', entered_by: 'A-C2' },
      { lesson_id: 'L-C4', value: '5', entered_by: 'A-C4' },
      { lesson_id: 'L-C5', value: '4', entered_by: 'A-C5' }, { lesson_id: 'L-C5', value: '4', entered_by: 'A-C5' }, { lesson_id: 'L-C5', value: '5', entered_by: 'A-C5' },
    ]);
    // one 'create' link per mark, by its teacher, holding the stored row
    const links = await rows(warehouse, `select a.actor, a.action, m.lesson_id, json_extract_string(a.after, '$.value') as value
      from raw.audit_log a join raw.marks m on m.mark_id = a.entity_id where a.entity = 'mark' order by m.lesson_id, value`);
    expect(links).toEqual([
      { actor: 't1', action: 'create', lesson_id: 'L-C1', value: '4' }, { actor: 't1', action: 'create', lesson_id: 'L-C1', value: '5' },
      { actor: 't2', action: 'create', lesson_id: 'L-C2', value: '3' },
      { actor: 't4', action: 'create', lesson_id: 'L-C4', value: '5' },
      { actor: 't5', action: 'create', lesson_id: 'L-C5', value: '4' }, { actor: 't5', action: 'create', lesson_id: 'L-C5', value: '4' }, { actor: 't5', action: 'create', lesson_id: 'L-C5', value: '5' },
    ]);
    expect((await rows(warehouse, "select count(*)::integer as n from raw.audit_log where entity = 'lesson'"))[0]!.n).toBe(1);
    // the chain and every audited row check out
    expect((await runIntegrityChecks(warehouse, auditChecks)).map((c) => [c.name, c.ok])).toEqual([['audit-chain', true], ['audited-rows', true]]);
  });

  it('a bulk of 300 marks (links through the appender) checks out against the stored rows', async () => {
    const bulk = Array.from({ length: 300 }, (_, j) => mark(j % 2 ? 's1' : 's2', String((j % 5) + 1)));
    const r = await enterMarks(warehouse, actor(6), 'L-C6', { marks: bulk });
    expect(r.changed).toBe(300);
    expect((await rows(warehouse, "select count(*)::integer as n from raw.audit_log a join raw.marks m on m.mark_id = a.entity_id where m.lesson_id = 'L-C6'"))[0]!.n).toBe(300);
    expect((await runIntegrityChecks(warehouse, auditChecks)).map((c) => [c.name, c.ok])).toEqual([['audit-chain', true], ['audited-rows', true]]);
  });
});
