import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditMany } from '../../ingest/audit/append-audit';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { serializedWrite, serializedWritesDone } from '../../ingest/audit/serialized-write';
import { auditChainCheck } from '../../ingest/audit/verify-chain';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { openTestWarehouse, rows } from '../fixtures/auth/test-warehouse';

// Group commit (ingest/audit/serialized-write.ts): writes queued together share one transaction, a
// failing one fails alone, and the audit tail kept in memory follows commits, rollbacks and appends
// made outside serialized writes.
let warehouse: Warehouse;

const link = (id: string) => ({ actor: 't', action: 'create', entity: 'probe', entityId: id, after: { id } });
const chainOk = async () => (await runIntegrityChecks(warehouse, [auditChainCheck]))[0]!;
const links = async () => (await rows(warehouse, "select seq::integer as seq, entity_id from raw.audit_log where entity = 'probe' order by seq"))
  .map((r) => `${r.seq}:${r.entity_id}`);

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await warehouse.withConnection((c) => c.run('create table probe (id varchar primary key)'));
});
afterAll(() => warehouse.close());

describe('serialized writes with group commit', () => {
  it('runs queued writes in order; one failing write fails alone with its own error', async () => {
    const write = (id: string, fail = false) => serializedWrite(warehouse, async (conn) => {
      await conn.run('insert into probe values ($id)', { id });
      await appendAudit(conn, link(id));
      if (fail) throw new Error(`write ${id} refused`);
      return id;
    });
    // issued in one tick: the first runs alone, the other five queue up and go as one group
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => write(id, id === 'd')));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)))
      .toEqual(['a', 'b', 'c', 'write d refused', 'e', 'f']);
    expect((await rows(warehouse, 'select id from probe order by id')).map((r) => r.id)).toEqual(['a', 'b', 'c', 'e', 'f']);
    // d's link was rolled back with it: the chain has no gap and stays in the order of the calls
    expect(await links()).toEqual(['1:a', '2:b', '3:c', '4:e', '5:f']);
    expect((await chainOk()).ok).toBe(true);
  });

  it('writes queued while a transaction runs share the next transaction', async () => {
    const txid = () => serializedWrite(warehouse, async (conn) => String((await conn.runAndReadAll('select txid_current() as t')).getRowObjectsJson()[0]!.t));
    const ids = await Promise.all([txid(), txid(), txid(), txid()]);
    expect(new Set(ids.slice(1)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('a database error in one write (duplicate key) does not lose the others of its group', async () => {
    const write = (id: string) => serializedWrite(warehouse, async (conn) => {
      await conn.run('insert into probe values ($id)', { id });
      await appendAudit(conn, link(id));
      return id;
    });
    const outcomes = await Promise.allSettled(['g', 'h', 'a', 'i'].map(write));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await links()).toEqual(['1:a', '2:b', '3:c', '4:e', '5:f', '6:g', '7:h', '8:i']);
    expect((await chainOk()).ok).toBe(true);
  });

  it('chains after links appended outside serialized writes (an import) and after a rollback', async () => {
    // an import appends in its own transaction: the tail kept in memory is behind now
    await warehouse.transaction((conn) => appendAudit(conn, link('import')));
    await serializedWrite(warehouse, (conn) => appendAudit(conn, link('j')));
    // a write that appends and then fails: its link must not become the tail
    await expect(serializedWrite(warehouse, async (conn) => {
      await appendAudit(conn, link('lost'));
      throw new Error('no');
    })).rejects.toThrow('no');
    await serializedWrite(warehouse, (conn) => appendAudit(conn, link('k')));
    await serializedWritesDone(warehouse);
    expect(await links()).toEqual(['1:a', '2:b', '3:c', '4:e', '5:f', '6:g', '7:h', '8:i', '9:import', '10:j', '11:k']);
    expect((await chainOk()).ok).toBe(true);
  });

  it('many links at once (the appender) land with their write or not at all, hashed as stored', async () => {
    const many = (prefix: string) => Array.from({ length: 250 }, (_, i) => ({ ...link(`${prefix}${i}`), before: { n: i, text: 'кавычки " и \\' }, schoolId: i % 2 ? 'SA' : null }));
    const before = (await links()).length;
    await expect(serializedWrite(warehouse, async (conn) => {
      await appendAuditMany(conn, many('gone'));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await links()).length).toBe(before);
    await serializedWrite(warehouse, (conn) => appendAuditMany(conn, many('kept')));
    const after = await links();
    expect(after.length).toBe(before + 250);
    expect(after.at(-1)).toBe(`${before + 250}:kept249`);
    expect((await chainOk()).ok).toBe(true);
  });
});
