import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../ingest/entry/sql-rows';
import { pooledTransaction, withPooledConnection, type Warehouse } from '../../warehouse/open-warehouse';
import { openTestWarehouse, rows } from '../fixtures/auth/test-warehouse';

// Pooled connections (warehouse/open-warehouse.ts) used by sign-in, scope checks and native entry:
// never shared by concurrent callers, not reused after a failure, statements prepared once per
// connection and still seeing every later write.
let warehouse: Warehouse;
const connectionId = async (conn: Parameters<Parameters<typeof withPooledConnection>[1]>[0]) =>
  String((await conn.runAndReadAll('select current_connection_id() as id')).getRowObjectsJson()[0]!.id);

beforeAll(async () => {
  warehouse = await openTestWarehouse();
});
afterAll(() => warehouse.close());

describe('pooled connections', () => {
  it('gives each concurrent caller a connection of its own and reuses it afterwards', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withPooledConnection(warehouse, async (conn) => {
      const id = await connectionId(conn);
      await held;
      return id;
    });
    const second = await withPooledConnection(warehouse, connectionId);
    release();
    const firstId = await first;
    expect(second).not.toBe(firstId);
    // both went back to the pool: the next two callers get those connections again
    const again = await Promise.all([withPooledConnection(warehouse, connectionId), withPooledConnection(warehouse, connectionId)]);
    expect(new Set(again)).toEqual(new Set([firstId, second]));
  });

  it('closes a connection whose caller failed instead of reusing it', async () => {
    let failedId = '';
    await expect(withPooledConnection(warehouse, async (conn) => {
      failedId = await connectionId(conn);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const ids = await Promise.all(Array.from({ length: 4 }, () => withPooledConnection(warehouse, connectionId)));
    expect(ids).not.toContain(failedId);
  });

  it('prepared statements on a pooled connection see rows written after they were prepared', async () => {
    const count = () => withPooledConnection(warehouse, (conn) => sqlRows<{ n: number }>(conn, 'auth/user-count'));
    const before = Number((await count())[0]!.n);
    await pooledTransaction(warehouse, (conn) => conn.run(
      "insert into app.users (user_id, login, role, password_hash, created_at, password_changed_at) values ('u-pool', 'pool', 'admin', 'x', now(), now())"));
    expect(Number((await count())[0]!.n)).toBe(before + 1);
    await expect(pooledTransaction(warehouse, async (conn) => {
      await conn.run("insert into app.users (user_id, login, role, password_hash, created_at, password_changed_at) values ('u-pool2', 'pool2', 'admin', 'x', now(), now())");
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(Number((await count())[0]!.n)).toBe(before + 1);
    expect(await rows(warehouse, "select login from app.users where login like 'pool%'")).toEqual([{ login: 'pool' }]);
  });
});
