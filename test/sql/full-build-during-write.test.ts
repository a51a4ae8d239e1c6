import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// A full build ends with a checkpoint, which DuckDB refuses while another connection holds an open
// write transaction (a native write in flight). The build's swap has committed by then: the build
// must succeed, and the marts hold the new rows.
let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await twoZonesWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('full build while a write transaction is open', () => {
  it('commits its models and does not fail on the refused checkpoint', async () => {
    const enteredAt = () => w.withConnection(async (c) => String((await c.runAndReadAll("select strftime(entered_at, '%H:%M') from marts.r_mark_day where record_id = 'M2'")).getRows()[0]?.[0]));
    expect(await enteredAt()).toBe('19:01');
    await w.withConnection((c) => c.run("update raw.marks set entered_at = '2025-09-09T18:00:00Z' where mark_id = 'M2'"));
    await w.withConnection(async (writer) => {
      await writer.run('begin transaction');
      await writer.run("update raw.marks set comment = 'in flight' where mark_id = 'M8'");
      try {
        await expect(runModels(w)).resolves.toBeDefined();
      } finally {
        await writer.run('rollback');
      }
    });
    expect(await enteredAt()).toBe('18:00');
  });
});
