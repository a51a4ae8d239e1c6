import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../warehouse/model-graph';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { buildInShadows, readingShadows } from '../../warehouse/shadow-build';

const rows = (w: Warehouse, sql: string) => w.withConnection(async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
const model = (relation: string, sql: string, dependsOn: string[] = []): Model => {
  const [layer, name] = relation.split('.') as [Model['layer'], string];
  return { relation, layer, name, sql, dependsOn };
};
const hash = (m: Model) => m.sql;

describe('full build through shadow tables', () => {
  it('rewrites references only to the models being built', () => {
    const sql = 'select * from staging.x join core.y using (school_id) join marts.z using (school_id) -- core.y';
    expect(readingShadows(sql, new Set(['core.y', 'staging.x']))).toBe(
      'select * from staging.x__next join core.y__next using (school_id) join marts.z using (school_id) -- core.y__next');
  });

  it('a model reads the new rows of the models before it; a failure keeps every old table and leaves no shadow', async () => {
    const w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'wh-shadow-')), 'w.duckdb'));
    try {
      const thresholdBefore = await rows(w, "select current_setting('checkpoint_threshold') as t");
      const first = await buildInShadows(w, [
        model('staging.x', "select 'A' as school_id, 1 as v"),
        model('core.y', 'select school_id, v + 1 as v from staging.x', ['staging.x']),
      ], hash);
      expect(first.map((t) => [t.relation, t.rows])).toEqual([['staging.x', 1], ['core.y', 1]]);
      expect(await rows(w, 'select v from core.y')).toEqual([{ v: 2 }]);
      // checkpoints held off during the build only
      expect(await rows(w, "select current_setting('checkpoint_threshold') as t")).toEqual(thresholdBefore);

      await buildInShadows(w, [
        model('staging.x', "select 'A' as school_id, 10 as v union all select 'B', 20"),
        model('core.y', 'select school_id, v + 1 as v from staging.x', ['staging.x']),
      ], hash);
      expect(await rows(w, 'select school_id, v from core.y order by 1')).toEqual([{ school_id: 'A', v: 11 }, { school_id: 'B', v: 21 }]);

      await expect(buildInShadows(w, [
        model('staging.x', "select 'A' as school_id, 100 as v"),
        model('core.y', "select school_id, error('boom') as v from staging.x", ['staging.x']),
      ], hash)).rejects.toThrow(/boom/);
      expect(await rows(w, 'select school_id, v from staging.x order by 1')).toEqual([{ school_id: 'A', v: 10 }, { school_id: 'B', v: 20 }]);
      expect(await rows(w, 'select v from core.y order by 1')).toEqual([{ v: 11 }, { v: 21 }]);
      expect(await rows(w, "select table_name from duckdb_tables() where table_name like '%__next'")).toEqual([]);
      expect(await rows(w, "select relation, sql_hash from meta.model_builds where relation = 'core.y'")).toEqual([
        { relation: 'core.y', sql_hash: 'select school_id, v + 1 as v from staging.x' },
      ]);
    } finally {
      w.close();
    }
  });
});
