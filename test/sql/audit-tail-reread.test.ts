import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../ingest/audit/append-audit';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { auditChecks } from '../../ingest/audit/verify-chain';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { openTestWarehouse, rows } from '../fixtures/auth/test-warehouse';

// The tail of the audit chain is read from the log (entry/audit-last.sql, a statement prepared once per
// pooled connection) whenever it is not known in memory: the first write of a process, after a
// rollback, after an import. The statement was first prepared while the log was empty; read again after
// links were added it must give the last link (a top-N query gave garbage there, breaking the chain).
let warehouse: Warehouse;
const link = (id: string) => ({ actor: 'test', action: 'create', entity: 'probe', entityId: id, after: { id } });

beforeAll(async () => {
  warehouse = await openTestWarehouse();
});
afterAll(() => warehouse.close());

describe('audit tail read from the log', () => {
  it('chains on after outside appends and rollbacks, starting from an empty log', async () => {
    // first write: the tail is read (and the statement prepared) while the log is empty
    await serializedWrite(warehouse, (conn) => appendAudit(conn, link('first')));
    // an append outside serialized writes (as an import's) forgets every kept tail: the next write
    // reads it again, on the same pooled connection
    await warehouse.transaction((conn) => appendAudit(conn, link('import1')));
    await serializedWrite(warehouse, (conn) => appendAudit(conn, link('after-import')));
    for (let round = 0; round < 3; round++) {
      await serializedWrite(warehouse, (conn) => appendAudit(conn, link(`w${round}`)));
      // a failing write rolls back and forgets the kept tail: the next write reads it from the log
      await expect(serializedWrite(warehouse, async (conn) => {
        await appendAudit(conn, link(`lost${round}`));
        throw new Error('refused');
      })).rejects.toThrow('refused');
    }
    await warehouse.transaction((conn) => appendAudit(conn, link('import2')));
    await serializedWrite(warehouse, (conn) => appendAudit(conn, link('last')));
    const seqs = await rows(warehouse, 'select seq::integer as seq, entity_id from raw.audit_log order by seq');
    expect(seqs.map((r) => `${r.seq}:${r.entity_id}`)).toEqual(['1:first', '2:import1', '3:after-import', '4:w0', '5:w1', '6:w2', '7:import2', '8:last']);
    const [chain] = await runIntegrityChecks(warehouse, auditChecks);
    expect([chain!.ok, chain!.checked]).toEqual([true, 8]);
  });
});
