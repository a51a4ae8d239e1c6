import { describe, expect, it } from 'vitest';
import { loadModels } from '../../warehouse/model-graph';
import { runModels } from '../../warehouse/run-models';
import { rows, schoolsAB } from '../fixtures/models/schools-a-b';

describe('one-school refresh skips models whose inputs did not change', () => {
  it('rebuilds what reads the changed rows (and the clock), skips the rest, and writes the new rows', async () => {
    const w = await schoolsAB();
    try {
      await runModels(w);
      await w.withConnection(async (c) => { await c.run(`insert into raw.subjects values ('A', 'PHYS', 'Физика', 'federal')`); });
      const timings = await runModels(w, { schoolId: 'A' });
      const skipped = new Set(timings.filter((t) => t.skipped).map((t) => t.relation));
      // staging.subjects changed, so every model reading it is rebuilt (their own rows did not change
      // here, no lessons or members yet, so what reads only them is skipped in turn)
      const readsSubjects = loadModels().filter((m) => m.dependsOn.includes('staging.subjects')).map((m) => m.relation);
      expect(readsSubjects).toContain('marts.m_pass');
      for (const relation of readsSubjects) expect([relation, skipped.has(relation)]).toEqual([relation, false]);
      expect(skipped.has('core.lessons')).toBe(false); // reads the clock (effective_status)
      expect(skipped.has('marts.r_mark_day')).toBe(true);
      expect(skipped.has('core.memberships_class')).toBe(true);
      expect(timings.filter((t) => t.relation.startsWith('staging.')).every((t) => !t.skipped)).toBe(true);
      expect(await rows(w, 'select school_id, subject_id from staging.subjects order by 1, 2')).toEqual([
        { school_id: 'A', subject_id: 'MATH' }, { school_id: 'A', subject_id: 'PHYS' }, { school_id: 'B', subject_id: 'MATH' },
      ]);
    } finally {
      w.close();
    }
  });
});
