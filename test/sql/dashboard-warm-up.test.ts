import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { warmUp } from '../../warehouse/warm-up';
import { smallSchoolWarehouse } from '../fixtures/dashboard/small-school';

let w: Warehouse;
let dir: string;
beforeAll(async () => { ({ warehouse: w, dir } = await smallSchoolWarehouse()); });
afterAll(() => { w.close(); rmSync(dir, { recursive: true, force: true }); });

describe('warm start', () => {
  it("without marts it does nothing and does not fail; with marts it reads the first school's pass and quality", async () => {
    expect(await warmUp(w)).toBeNull();
    await runModels(w);
    const sql: string[] = [];
    const { withConnection } = w;
    w.withConnection = (fn) => withConnection((conn) => {
      const { runAndReadAll } = conn;
      conn.runAndReadAll = ((q: string, ...rest: never[]) => { sql.push(q); return runAndReadAll.call(conn, q, ...rest); }) as typeof conn.runAndReadAll;
      return fn(conn);
    });
    try {
      expect(await warmUp(w)).toBeGreaterThan(0);
    } finally {
      w.withConnection = withConnection;
    }
    expect(sql).toHaveLength(2);
    expect(sql[1]).toContain('from marts.m_pass');
  });

  it('a listening app warms up in the background, and closing waits for it', async () => {
    const app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: `${dir}/w.duckdb` }), dashboardDir: `${dir}/none` });
    let queries = 0;
    let running = 0;
    const { withConnection } = w;
    w.withConnection = async (fn) => { queries += 1; running += 1; try { return await withConnection(fn); } finally { running -= 1; } };
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      await app.close();
      expect(queries).toBe(2);
      expect(running).toBe(0);
    } finally {
      w.withConnection = withConnection;
    }
  });
});
