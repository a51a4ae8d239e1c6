import type { Warehouse } from '../../warehouse/open-warehouse';
import { serializedWrite } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { readSnapshots } from './entities';
import type { EntryActor } from './entry-actor';
import { FieldErrors, isDate } from './field-errors';
import { assertNotLocked } from './finals-lock';
import { groupForWrite, groupStudents } from './load-context';
import { finalValueProblem } from './mark-values';
import { scheduleRefresh } from './refresh-marts';
import { sqlRows, type Row } from './sql-rows';

export interface FinalInput {
  studentId: string;
  /** a mark by the scale, or осв / н/а / безотм; empty when only deferring */
  value?: string | null;
  /** certification deferred until this date */
  deferredUntil?: string | null;
}

/**
 * Sets period finals of a group's students. Setting a final where none was is always allowed (it is
 * what closes the period); changing a set final needs the period unlocked by the admin.
 */
export async function setFinals(warehouse: Warehouse, actor: EntryActor, groupId: string, input: { periodId: string; finals: FinalInput[] }): Promise<{ changed: number }> {
  const result = await serializedWrite(warehouse, async (conn) => {
    const g = await groupForWrite(conn, actor, groupId);
    const errors = new FieldErrors();
    const [period] = await sqlRows<{ starts_on: string; ends_on: string }>(conn, 'entry/period', { school_id: g.school_id, period_id: input.periodId });
    if (!period) errors.add('periodId', `период «${input.periodId}» не найден`);
    if (input.finals.length === 0) errors.add('finals', 'нет ни одной итоговой оценки');
    const students = period ? await groupStudents(conn, g.school_id, groupId, { from: period.starts_on, to: period.ends_on }) : new Set<string>();
    const seen = new Set<string>();
    input.finals.forEach((f, i) => {
      const field = (n: string) => `finals[${i}].${n}`;
      if (period && !students.has(f.studentId)) errors.add(field('studentId'), `ученик «${f.studentId}» не учился в группе в этом периоде`);
      if (seen.has(f.studentId)) errors.add(field('studentId'), `ученик «${f.studentId}» указан дважды`);
      seen.add(f.studentId);
      const hasValue = typeof f.value === 'string' && f.value !== '';
      if (hasValue) {
        const p = finalValueProblem(f.value!, g.mark_scale);
        if (p) errors.add(field('value'), p);
      }
      if (f.deferredUntil !== undefined && f.deferredUntil !== null && !isDate(f.deferredUntil)) errors.add(field('deferredUntil'), 'дата в формате ГГГГ-ММ-ДД');
      if (!hasValue && !f.deferredUntil) errors.add(field('value'), 'нужна оценка или дата отсрочки (deferredUntil)');
    });
    errors.throwIfAny();
    const ids = input.finals.map((f) => `${f.studentId}:${g.subject_id}:${input.periodId}`);
    const old = await readSnapshots(conn, 'final_mark', g.school_id, ids);
    const now = new Date().toISOString();
    const rows = input.finals.map((f, i) => {
      const prev = old.get(ids[i]!) as Row | null;
      const value = f.value || null;
      const same = prev && prev.value === value;
      return {
        student_id: f.studentId, subject_id: g.subject_id, period_id: input.periodId, value,
        entered_at: value ? (same ? prev.entered_at : now) : null, entered_by: value ? (same ? prev.entered_by : actor.enteredBy) : null,
        deferred_until: f.deferredUntil ?? null, group_id: groupId,
      };
    });
    const changesSetFinal = rows.some((r, i) => {
      const prev = old.get(ids[i]!) as Row | null;
      return prev?.value != null && prev.value !== r.value;
    });
    if (changesSetFinal) await assertNotLocked(conn, { schoolId: g.school_id, groupId, periodId: input.periodId });
    const changes = await auditedReplace(conn, { actor: actor.login, entity: 'final_mark', schoolId: g.school_id, ids, rows });
    return { schoolId: g.school_id, changed: changes.length };
  });
  scheduleRefresh(warehouse, result.schoolId);
  return { changed: result.changed };
}
