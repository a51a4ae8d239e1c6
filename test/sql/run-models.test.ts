import { describe, expect, it } from 'vitest';
import { runModels } from '../../warehouse/run-models';
import { rows, schoolsAB } from '../fixtures/models/schools-a-b';

describe('runModels', () => {
  it('a one-school build replaces only that school and equals a full build', async () => {
    const w = await schoolsAB();
    try {
      const timings = await runModels(w);
      expect(timings.map((t) => t.relation)).toContain('staging.subjects');
      expect(timings.find((t) => t.relation === 'staging.subjects')?.rows).toBe(2);

      // change both schools' raw rows, rebuild only A: B's staging keeps its old state
      await w.withConnection(async (c) => {
        await c.run(`insert into raw.subjects values ('A', 'PHYS', 'Физика', 'federal'), ('B', 'CHEM', 'Химия', 'federal')`);
      });
      await runModels(w, { schoolId: 'A' });
      expect(await rows(w, 'select school_id, subject_id from staging.subjects order by 1, 2')).toEqual([
        { school_id: 'A', subject_id: 'MATH' }, { school_id: 'A', subject_id: 'PHYS' }, { school_id: 'B', subject_id: 'MATH' },
      ]);
      await runModels(w);
      expect(await rows(w, "select subject_id from staging.subjects where school_id = 'B' order by 1")).toEqual([
        { subject_id: 'CHEM' }, { subject_id: 'MATH' },
      ]);
    } finally {
      w.close();
    }
  });
});
