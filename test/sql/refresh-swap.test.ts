import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse } from '../../warehouse/open-warehouse';
import { swapChangedRows } from '../../warehouse/scratch-build';

describe('one-school refresh writes only changed rows', () => {
  it('makes the school rows equal to the fresh ones as a multiset, leaves other schools and unchanged rows alone', async () => {
    const w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'wh-swap-')), 'w.duckdb'));
    try {
      await w.withConnection(async (c) => {
        await c.run('create schema if not exists marts');
        await c.run(`create table marts.t as select * from (values
          ('A', 1, null::varchar, [1, 2]), ('A', 2, 'x', null::integer[]), ('A', 2, 'x', null), ('A', 5, 'same', [5]),
          ('B', 2, 'x', null)) v(school_id, n, s, l)`);
        await c.run(`create temp table fresh as select * from (values
          ('A', 1, null::varchar, [1, 2]), ('A', 2, 'x', null::integer[]), ('A', 4, 'y', [4]), ('A', 5, 'same', [5]),
          ('A', 6, null, [null::integer])) v(school_id, n, s, l)`);
        const before = (await c.runAndReadAll("select rowid from marts.t where n = 5")).getRowsJson();
        await c.run('begin');
        await swapChangedRows(c, 'marts.t', 'temp.fresh', 'main.changed_rows', 'A');
        await c.run('commit');
        const rows = (await c.runAndReadAll('select school_id, n, s, l from marts.t order by all')).getRowsJson();
        expect(rows).toEqual([
          ['A', 1, null, [1, 2]], ['A', 2, 'x', null], ['A', 4, 'y', [4]], ['A', 5, 'same', [5]], ['A', 6, null, [null]],
          ['B', 2, 'x', null],
        ]);
        // the unchanged row was not rewritten: same row id
        expect((await c.runAndReadAll('select rowid from marts.t where n = 5')).getRowsJson()).toEqual(before);
      });
    } finally {
      w.close();
    }
  });
});
