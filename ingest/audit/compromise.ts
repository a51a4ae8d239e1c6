import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, ValidationError } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { auditedReplace } from '../entry/audited-write';
import { isEntity, readSnapshots, sameSnapshot, snapshotRows, type Entity, type Snapshot } from '../entry/entities';
import { scheduleRefresh } from '../entry/refresh-marts';
import { sqlRows, sqlRun } from '../entry/sql-rows';
import { appendAudit } from './append-audit';
import { accountFlagsChanged, deleteUserSessions } from '../../api/auth/sessions';
import { serializedWrite } from './serialized-write';

interface SuspectLink { seq: string; occurred_ms: string; action: string; entity: string; entity_id: string; school_id: string; before: string | null; after: string | null }

export interface CompromiseResult {
  reportId: string;
  /** every operation of the account since T (audit seq, action, object) */
  operations: { seq: number; at: string; action: string; entity: string; entityId: string; schoolId: string | null }[];
  /** journal objects taken out of the data until reviewed */
  quarantined: number;
  /** objects changed by someone else afterwards: listed for review, left as they are */
  conflicts: number;
}

const parse = (s: string | null): Snapshot => (s === null ? null : JSON.parse(s));

/**
 * "User X reported compromised at T": X's account is disabled and its sessions end; every journal
 * object X changed since T goes back to its state before X's first change since T, and X's version
 * is held in app.quarantine for review (confirm = put it back, revert = keep it out). Marts are
 * rebuilt from raw.*, so the suspect operations leave the dashboard with the next refresh.
 */
export async function reportCompromise(warehouse: Warehouse, admin: string, input: { login: string; compromisedAt: string; note?: string | null }): Promise<CompromiseResult> {
  const at = new Date(input.compromisedAt);
  if (Number.isNaN(at.getTime()) || !/[zZ]|[+-]\d\d:?\d\d$/.test(input.compromisedAt)) {
    throw new ValidationError('invalid_entry', 'Поле «compromisedAt»: нужна дата и время со смещением, например 2026-11-20T10:00:00+05:00', 'compromisedAt not an instant', [{ field: 'compromisedAt', reason: 'ISO 8601 со смещением' }]);
  }
  const schools = new Set<string>();
  const result = await serializedWrite(warehouse, async (conn) => {
    const [user] = await sqlRows<{ user_id: string; school_id: string | null }>(conn, 'auth/user-by-login', { login: input.login });
    if (!user) throw new NotFound('user_not_found', `Учётная запись «${input.login}» не найдена`, `user ${input.login} not found`);
    const reportId = `CR-${randomUUID()}`;
    await sqlRun(conn, 'entry/compromise-report-insert', { report_id: reportId, user_id: user.user_id, login: input.login, compromised_at: at.toISOString(), reported_by: admin, note: input.note ?? null });
    accountFlagsChanged(conn);
    await sqlRun(conn, 'auth/user-set-disabled', { user_id: user.user_id, disabled: true });
    await deleteUserSessions(conn, user.user_id);
    const links = await sqlRows<SuspectLink>(conn, 'entry/audit-by-actor-after', { actor: input.login, since: at.toISOString() });
    await appendAudit(conn, { actor: admin, action: 'report', entity: 'compromise_report', entityId: reportId, schoolId: user.school_id, after: { login: input.login, compromisedAt: at.toISOString(), note: input.note ?? null } });

    const objects = new Map<string, SuspectLink[]>();
    for (const l of links) {
      if (!isEntity(l.entity)) continue;
      const key = JSON.stringify([l.school_id, l.entity, l.entity_id]);
      objects.set(key, [...(objects.get(key) ?? []), l]);
    }
    let quarantined = 0;
    let conflicts = 0;
    for (const list of objects.values()) {
      const { school_id: schoolId, entity_id: entityId } = list[0]!;
      const entity = list[0]!.entity as Entity;
      const [latest] = await sqlRows<{ actor: string }>(conn, 'entry/audit-latest-of', { school_id: schoolId, entity, entity_id: entityId });
      const held = (await readSnapshots(conn, entity, schoolId, [entityId])).get(entityId) ?? null;
      const restored = parse(list[0]!.before);
      const conflict = latest?.actor !== input.login;
      if (!conflict) {
        await auditedReplace(conn, { actor: admin, action: 'quarantine', entity, schoolId, ids: [entityId], rows: snapshotRows(restored) });
        quarantined += 1;
      } else conflicts += 1;
      await sqlRun(conn, 'entry/quarantine-insert', {
        item_id: `Q-${randomUUID()}`, report_id: reportId, school_id: schoolId, entity, entity_id: entityId,
        seqs: list.map((l) => l.seq).join(','), held_row: JSON.stringify(held), restored_row: JSON.stringify(restored),
        status: conflict ? 'conflict' : 'pending',
      });
      schools.add(schoolId);
    }
    return {
      reportId, quarantined, conflicts,
      operations: links.map((l) => ({ seq: Number(l.seq), at: new Date(Number(l.occurred_ms)).toISOString(), action: l.action, entity: l.entity, entityId: l.entity_id, schoolId: l.school_id })),
    };
  });
  for (const s of schools) scheduleRefresh(warehouse, s);
  return result;
}

interface ItemRow { item_id: string; report_id: string; school_id: string; entity: string; entity_id: string; held_row: string; restored_row: string; status: string }

/**
 * Review of one quarantined object: `confirm` (the operations were the user's own) puts the held
 * version back; `revert` keeps the state before them. Both are audited.
 */
export async function reviewQuarantine(warehouse: Warehouse, admin: string, itemId: string, decision: 'confirm' | 'revert', schools: string[] | null): Promise<{ status: string }> {
  const r = await serializedWrite(warehouse, async (conn) => {
    const [item] = await sqlRows<ItemRow>(conn, 'entry/quarantine-item', { item_id: itemId });
    if (!item || (schools !== null && !schools.includes(item.school_id))) throw new NotFound('item_not_found', `Запись карантина «${itemId}» не найдена`, `quarantine item ${itemId} not found`);
    if (item.status !== 'pending') throw new Conflict('already_reviewed', `Запись карантина уже рассмотрена (${item.status})`, `quarantine item ${itemId} is ${item.status}`);
    const entity = item.entity as Entity;
    const current = (await readSnapshots(conn, entity, item.school_id, [item.entity_id])).get(item.entity_id) ?? null;
    if (!sameSnapshot(current, parse(item.restored_row))) {
      throw new Conflict('changed_since', 'Объект изменён после помещения в карантин: рассмотрите его вручную', `object ${item.entity_id} changed since quarantine`);
    }
    if (decision === 'confirm') {
      await auditedReplace(conn, { actor: admin, action: 'confirm', entity, schoolId: item.school_id, ids: [item.entity_id], rows: snapshotRows(parse(item.held_row)) });
    } else {
      await appendAudit(conn, { actor: admin, action: 'revert', entity, entityId: item.entity_id, schoolId: item.school_id, before: current, after: current });
    }
    const status = decision === 'confirm' ? 'confirmed' : 'reverted';
    await sqlRun(conn, 'entry/quarantine-review', { item_id: itemId, status, reviewed_by: admin });
    return { status, schoolId: item.school_id };
  });
  scheduleRefresh(warehouse, r.schoolId);
  return { status: r.status };
}
