import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { auditChecks } from '../../ingest/audit/verify-chain';
import { appendableMarks, appendNewMarks } from '../../ingest/entry/append-new-marks';
import { readSnapshots } from '../../ingest/entry/entities';
import { enterMarks } from '../../ingest/entry/enter-marks';
import type { EntryActor } from '../../ingest/entry/entry-actor';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import { sqlRows } from '../../ingest/entry/sql-rows';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { rows, twentyTeachersWarehouse } from '../fixtures/auth/test-warehouse';

// New marks go in by the DuckDB appender, and their audit links carry snapshots built from the values
// appended (ingest/entry/append-new-marks.ts): they must be exactly what snapshot-mark.sql reads back,
// or `svodka verify` would report every such mark as edited.
let warehouse: Warehouse;
const actor: EntryActor = { login: 't1', enteredBy: 'A-C1', staffId: 'A-C1', guardianId: null, schools: ['SA'], writableGroups: ['G-C1'] };

const row = (i: number, over: Record<string, unknown> = {}) => ({
  mark_id: `M-${i}`, lesson_id: 'L-C1', student_id: 's1', value: '5', work_type: 'oral', weight: 1,
  entered_at: '2026-11-24T03:04:05.678Z', entered_by: 'A-C1', makeup: false, comment: null, ...over,
});
const varied = [
  row(1),
  row(2, { weight: 0.1, makeup: true, comment: 'Молодец, «кавычки» "и" \\ обратная черта 😀' }),
  row(3, { weight: 2.5, value: '3', work_type: 'контрольная', comment: 'a\u0000b\n\ttab' }),
  row(4, { weight: 10, entered_at: '2026-01-01T00:00:00.000Z', comment: '' }),
];

beforeAll(async () => {
  warehouse = await twentyTeachersWarehouse();
});
afterAll(async () => {
  await flushRefresh();
  warehouse.close();
});

describe('new marks by the appender', () => {
  it('builds the snapshots snapshot-mark.sql reads back, and stores what an insert from JSON stores', async () => {
    expect(appendableMarks(varied)).toBe(true);
    const { built, read, viaJson } = await warehouse.transaction(async (conn) => {
      const built = await appendNewMarks(conn, 'SA', varied);
      const read = await readSnapshots(conn, 'mark', 'SA', varied.map((r) => r.mark_id));
      const viaJson = await sqlRows(conn, 'entry/insert-mark-returning', { school_id: 'SA', rows: JSON.stringify(varied.map((r) => ({ ...r, mark_id: `J-${r.mark_id}` }))) });
      return { built, read, viaJson };
    });
    for (const r of varied) {
      expect(JSON.stringify(built.get(r.mark_id))).toBe(JSON.stringify(read.get(r.mark_id)));
      const { entity_id: _id, ...json } = viaJson.find((j) => j.entity_id === `J-${r.mark_id}`)!;
      expect(JSON.stringify({ ...json, mark_id: r.mark_id })).toBe(JSON.stringify(built.get(r.mark_id)));
    }
    expect(built.get('M-2')).toEqual({ ...varied[1], entered_at: '2026-11-24T03:04:05.678000Z' });
  });

  it('leaves to the insert from JSON what the appender would not store as given', () => {
    expect(appendableMarks([row(5, { comment: 'a\ud800b' })])).toBe(false);
    expect(appendableMarks([row(6, { work_type: '\udc00' })])).toBe(false);
    expect(appendableMarks([row(7, { entered_at: '2026-11-24T03:04:05Z' })])).toBe(false);
    expect(appendableMarks([row(8, { weight: '1' })])).toBe(false);
    expect(appendableMarks([row(9, { comment: 'пара 😀 суррогатов' })])).toBe(true);
  });

  it('entered through entry (in bulk: by the appender), the marks verify against their audit links', async () => {
    const r = await enterMarks(warehouse, actor, 'L-C1', { marks: [
      { studentId: 's1', value: '5', workType: 'oral' },
      { studentId: 's2', value: '4', workType: ' письменная ', weight: 0.3, makeup: true, comment: 'Ёж 😀 "x"' },
      ...Array.from({ length: 248 }, (_, i) => ({ studentId: i % 2 ? 's1' : 's2', value: String((i % 5) + 1), workType: 'test', weight: (i % 10) + 0.5 })),
    ] });
    const stored = await rows(warehouse, "select work_type, weight, makeup, comment from raw.marks where mark_id = $id", { id: r.markIds[1]! });
    expect(stored).toEqual([{ work_type: 'письменная', weight: 0.3, makeup: true, comment: 'Ёж 😀 "x"' }]);
    const [chain, audited] = await runIntegrityChecks(warehouse, auditChecks);
    expect([chain!.ok, audited!.ok, audited!.checked]).toEqual([true, true, 250]);
    await rows(warehouse, "update raw.marks set weight = 0.5 where mark_id = $id", { id: r.markIds[1]! });
    const [, edited] = await runIntegrityChecks(warehouse, auditChecks);
    expect(edited!.ok).toBe(false);
  });
});
