import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditMany } from '../../ingest/audit/append-audit';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { runModels } from '../../warehouse/run-models';
import { createTestUser } from '../fixtures/auth/login';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// R-FINALS-LOCK from the audit log of native entries (on top of changes.csv of two-zones.sql):
// s2's MATH final (Q1) was entered 2025-10-17 23:59 (+05); M2 is s2's mark of L1 (2025-09-09).
let w: Warehouse;
let dir: string;
beforeAll(async () => {
  ({ warehouse: w, dir } = await twoZonesWarehouse());
  await createTestUser(w, { login: 'teach1', role: 'teacher', schoolId: 'S5', staffId: 'T1' });
  await createTestUser(w, { login: 'admin5', role: 'admin', schoolId: 'S5' });
  const mark = { mark_id: 'M2', lesson_id: 'L1', student_id: 's2', value: '4' };
  await w.transaction((c) => appendAuditMany(c, [
    // a teacher's deletion of M2 after the final: a breach, found through the snapshot although the mark is gone
    { actor: 'teach1', action: 'delete', entity: 'mark', entityId: 'M2', schoolId: 'S5', before: mark, after: null,
      occurredAt: new Date('2025-10-19T05:00:00Z') },
    // the administrator's correction of the final itself: not a breach
    { actor: 'admin5', action: 'update', entity: 'final_mark', entityId: 's2:MATH:Q1', schoolId: 'S5',
      before: { student_id: 's2', value: '4' }, after: { student_id: 's2', value: '5' }, occurredAt: new Date('2025-10-20T05:00:00Z') },
    // entering s4's missing final (no old value) is its first entry, not a change
    { actor: 'teach1', action: 'update', entity: 'final_mark', entityId: 's4:MATH:Q1', schoolId: 'S5',
      before: { student_id: 's4', value: null }, after: { student_id: 's4', value: '3' }, occurredAt: new Date('2025-10-21T05:00:00Z') },
  ]));
  await w.withConnection((c) => c.run("delete from raw.marks where school_id = 'S5' and mark_id = 'M2'"));
  await runModels(w, { schoolId: 'S5' });
});
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('R-FINALS-LOCK from native entries', () => {
  it('a teacher\'s deletion after the final is a breach; the admin\'s change and a first entry are not', async () => {
    const rows = await queryMetric(w, 'R-FINALS-LOCK', { school: 'S5', asOf: '2025-11-05' });
    expect(rows.map((r) => [r.teacher_id, r.record_kind, r.record_id, r.student_id, r.due_at, r.entered_at, r.late_minutes])).toEqual([
      ['T1', 'mark', 'M2', 's2', '2025-10-17T23:59:00+05:00', '2025-10-19T10:00:00+05:00', 2041],
      ['T1', 'mark', 'M1', 's1', '2025-10-20T12:00:00+05:00', '2025-10-22T10:00:00+05:00', 2760],
      ['T2', 'final_mark', 's1:RUS:Q1', 's1', '2025-10-22T12:00:00+05:00', '2025-10-23T09:00:00+05:00', 1260],
    ]);
  });
});
