import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../common/metric-ids';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// `svodka build --school ID` must give exactly the rows a full build gives for that school.
let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await twoZonesWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

const marts = ruleIds.map((id) => `marts.r_${id.slice(2).toLowerCase().replace(/-/g, '_')}`);

async function snapshot(): Promise<Record<string, string[]>> {
  return w.withConnection(async (c) => {
    const out: Record<string, string[]> = {};
    for (const m of marts) {
      const rows = (await c.runAndReadAll(`select * from ${m}`)).getRowObjectsJson();
      out[m] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  });
}

describe('incremental build of one school', () => {
  it('after a day of new entries in S5, rebuilding S5 alone equals a full build, and S10 is untouched', async () => {
    const before = await snapshot();
    await w.withConnection((c) => c.run(`
      insert into raw.lessons (school_id, lesson_id, group_id, date, lesson_no, starts_at, ends_at, teacher_id, status, topic_text, topic_entered_at)
      values ('S5', 'L20', 'G7A-RUS', '2025-10-20', 1, '08:30', '09:15', 'T2', 'held', 'Новая тема', '2025-10-21T08:00:00+05:00');
      insert into raw.marks values ('S5', 'M20', 'L20', 's1', '3', 'oral', 1, '2025-10-20T20:00:00+05:00', 'T2', false, null);`));
    await runModels(w, { schoolId: 'S5' });
    const incremental = await snapshot();
    await runModels(w);
    const full = await snapshot();
    expect(incremental).toEqual(full);
    const s10 = (s: Record<string, string[]>) => Object.values(s).flat().filter((r) => r.includes('"school_id":"S10"'));
    expect(s10(incremental)).toEqual(s10(before));
    // the new lesson is due: no attendance, topic late
    expect(full['marts.r_attendance']!.some((r) => r.includes('"record_id":"L20"'))).toBe(true);
    expect(full['marts.r_mark_day']!.filter((r) => r.includes('"record_id":"M20"'))).toHaveLength(1);
  });
});
