import type { Warehouse } from '../../warehouse/open-warehouse';
import { entityKinds, isEntity, readSnapshots, type Entity } from '../entry/entities';
import { sqlRows } from '../entry/sql-rows';
import { auditLinkText, GENESIS_HASH, sha256 } from './append-audit';
import type { IntegrityCheck, IntegrityProblem } from './integrity-check';

interface LinkRow {
  seq: string; occurred_ms: string; actor: string; action: string; entity: string; entity_id: string;
  school_id: string | null; before: string | null; after: string | null; prev_hash: string; hash: string;
}

const pageSize = 20_000;

/** Recomputes every link's hash from the stored row and follows prev_hash from the genesis. */
export const auditChainCheck: IntegrityCheck = {
  name: 'audit-chain',
  title: 'Цепочка журнала аудита',
  async run(warehouse) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const links = await warehouse.withConnection((conn) => sqlRows<LinkRow>(conn, 'entry/audit-links', { after_seq: expectedSeq - 1, limit: pageSize }));
      for (const l of links) {
        const seq = Number(l.seq);
        const broken = (why: string, log: string): IntegrityProblem => ({ seq, message: `Запись аудита №${seq}: ${why}`, logMessage: `audit link ${seq}: ${log}` });
        if (seq !== expectedSeq) return { ok: false, checked: expectedSeq - 1, problems: [broken(`пропущена запись №${expectedSeq}`, `expected seq ${expectedSeq}`)] };
        if (l.prev_hash !== prevHash) return { ok: false, checked: seq - 1, problems: [broken('не ссылается на предыдущую запись (prev_hash)', 'prev_hash does not match the previous link')] };
        const text = auditLinkText({
          seq, occurredAt: new Date(Number(l.occurred_ms)).toISOString(), actor: l.actor, action: l.action, entity: l.entity,
          entityId: l.entity_id, schoolId: l.school_id, before: l.before, after: l.after, prevHash: l.prev_hash,
        });
        if (sha256(text) !== l.hash) return { ok: false, checked: seq - 1, problems: [broken('содержимое изменено после записи (хеш не совпадает)', 'hash does not match the content')] };
        prevHash = l.hash;
        expectedSeq = seq + 1;
      }
      if (links.length < pageSize) return { ok: true, checked: expectedSeq - 1, problems: [] };
    }
  },
};

interface LatestRow { school_id: string; entity: string; entity_id: string; seq: string; after: string | null }

/**
 * Compares every journal object written through native entry with its newest audit link: a row
 * edited, added to or deleted from a data table behind the api's back shows up here.
 */
export const auditedRowsCheck: IntegrityCheck = {
  name: 'audited-rows',
  title: 'Данные журнала совпадают с журналом аудита',
  async run(warehouse) {
    const latest = await warehouse.withConnection((conn) => sqlRows<LatestRow>(conn, 'entry/audit-latest', { entities: JSON.stringify(Object.keys(entityKinds)) }));
    const groups = new Map<string, LatestRow[]>();
    for (const r of latest) {
      if (!isEntity(r.entity)) continue;
      const key = `${r.entity}\u0000${r.school_id}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const problems: IntegrityProblem[] = [];
    for (const list of groups.values()) {
      const { entity, school_id: schoolId } = list[0]! as LatestRow & { entity: Entity };
      const current = await warehouse.withConnection((conn) => readSnapshots(conn, entity, schoolId, list.map((r) => r.entity_id)));
      for (const r of list) {
        const expected = r.after === null ? (entityKinds[entity].many ? [] : null) : JSON.parse(r.after);
        if (JSON.stringify(current.get(r.entity_id)) === JSON.stringify(expected)) continue;
        problems.push({
          seq: Number(r.seq),
          message: `${entityKinds[entity].table}: объект «${r.entity_id}» школы ${schoolId} не совпадает с последней записью аудита №${r.seq} (изменён в обход системы)`,
          logMessage: `${entityKinds[entity].table} ${schoolId}/${r.entity_id} differs from audit link ${r.seq}`,
        });
      }
    }
    problems.sort((a, b) => a.seq! - b.seq!);
    return { ok: problems.length === 0, checked: latest.length, problems: problems.slice(0, 20) };
  },
};

/** The checks of the audit log, in order. */
export const auditChecks: IntegrityCheck[] = [auditChainCheck, auditedRowsCheck];
