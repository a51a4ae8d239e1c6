import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../warehouse/migrate';
import { openWarehouse } from '../../warehouse/open-warehouse';

describe('openWarehouse + migrate', () => {
  it('creates every raw table of the bundle once, and a second run applies nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wh-')), 'w.duckdb');
    const warehouse = await openWarehouse(path);
    try {
      const again = await warehouse.withConnection(migrate);
      expect(again).toEqual([]);
      const tables = await warehouse.withConnection(async (conn) =>
        (await conn.runAndReadAll("select table_name from information_schema.tables where table_schema = 'raw' order by 1"))
          .getRowObjectsJson().map((r) => r.table_name));
      expect(tables).toEqual(expect.arrayContaining(['schools', 'lessons', 'marks', 'final_marks', 'import_batch', 'audit_log']));
      const tz = await warehouse.withConnection(async (conn) =>
        (await conn.runAndReadAll("select current_setting('TimeZone') as tz")).getRowObjectsJson()[0]?.tz);
      expect(tz).toBe('UTC');
    } finally {
      warehouse.close();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wh-')), 'w.duckdb');
    const warehouse = await openWarehouse(path);
    try {
      await expect(warehouse.transaction(async (conn) => {
        await conn.run("insert into raw.subjects values ('S1', 'MATH', 'Математика', 'federal')");
        await conn.run("insert into raw.subjects values ('S1', 'BAD', 'Плохой', 'no_such_component')");
      })).rejects.toThrow(/CHECK constraint/i);
      const n = await warehouse.withConnection(async (conn) =>
        Number((await conn.runAndReadAll('select count(*)::int as n from raw.subjects')).getRowObjectsJson()[0]?.n));
      expect(n).toBe(0);
    } finally {
      warehouse.close();
    }
  });
});
