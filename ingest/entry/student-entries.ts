import type { DuckDBConnection } from '@duckdb/node-api';
import { AccessDenied, NotFound } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { serializedWrite } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { readSnapshots } from './entities';
import { newEntryId } from './enter-marks';
import { schoolParams, type EntryActor } from './entry-actor';
import { FieldErrors, isDate } from './field-errors';
import { exists } from './load-context';
import { scheduleRefresh } from './refresh-marts';
import { sqlRows, type Row } from './sql-rows';

// Entries about one student: a teacher's recommendation, a guardian's acknowledgement of the diary,
// the consent registry. The api has already checked that the student is in the caller's scope.

async function studentSchool(conn: DuckDBConnection, actor: EntryActor, studentId: string): Promise<{ school_id: string; today: string }> {
  const [s] = await sqlRows<{ school_id: string; today: string }>(conn, 'entry/student-school', { student_id: studentId, ...schoolParams(actor) });
  if (!s) throw new NotFound('student_not_found', `Ученик «${studentId}» не найден`, `student ${studentId} not found`);
  return s;
}

export async function addRecommendation(warehouse: Warehouse, actor: EntryActor, studentId: string, input: { text: string }): Promise<Row> {
  const r = await serializedWrite(warehouse, async (conn) => {
    const s = await studentSchool(conn, actor, studentId);
    const errors = new FieldErrors();
    if (!actor.staffId) errors.add('teacherId', 'рекомендацию даёт сотрудник школы: учётная запись не связана с сотрудником');
    if (typeof input.text !== 'string' || input.text.trim() === '' || input.text.length > 2000) errors.add('text', 'текст рекомендации: непустой, до 2000 символов');
    errors.throwIfAny();
    const id = newEntryId();
    const row = { recommendation_id: id, student_id: studentId, teacher_id: actor.staffId, text: input.text.trim(), created_at: new Date().toISOString() };
    await auditedReplace(conn, { actor: actor.login, entity: 'recommendation', schoolId: s.school_id, ids: [id], rows: [row] });
    return { schoolId: s.school_id, row: (await readSnapshots(conn, 'recommendation', s.school_id, [id])).get(id) as Row };
  });
  scheduleRefresh(warehouse, r.schoolId);
  return r.row;
}

/** The guardian confirms having seen the child's diary up to a date (today at the latest). */
export async function acknowledgeDiary(warehouse: Warehouse, actor: EntryActor, studentId: string, input: { coversUntil: string }): Promise<Row> {
  const r = await serializedWrite(warehouse, async (conn) => {
    const s = await studentSchool(conn, actor, studentId);
    if (!actor.guardianId || !(await exists(conn, 'entry/guardian-of-student', { school_id: s.school_id, guardian_id: actor.guardianId, student_id: studentId }))) {
      throw new AccessDenied('not_guardian', 'Подтвердить просмотр дневника может только законный представитель ученика', 'caller is not a guardian of the student');
    }
    const errors = new FieldErrors();
    if (!isDate(input.coversUntil)) errors.add('coversUntil', 'дата в формате ГГГГ-ММ-ДД');
    else if (input.coversUntil > s.today) errors.add('coversUntil', `дата не может быть позже сегодняшней (${s.today})`);
    errors.throwIfAny();
    const id = `${actor.guardianId}:${studentId}:${input.coversUntil}`;
    const row = { guardian_id: actor.guardianId, student_id: studentId, acknowledged_at: new Date().toISOString(), covers_until: input.coversUntil };
    await auditedReplace(conn, { actor: actor.login, entity: 'parent_ack', schoolId: s.school_id, ids: [id], rows: [row] });
    return { schoolId: s.school_id, row: (await readSnapshots(conn, 'parent_ack', s.school_id, [id])).get(id) as Row };
  });
  scheduleRefresh(warehouse, r.schoolId);
  return r.row;
}

export const consentValues = ['given', 'refused'] as const;
export const consentChannels = ['web', 'email', 'sms', 'paper'] as const;

/** Records a guardian's consent (or refusal) for the child's data; a guardian only for themselves. */
export async function recordConsent(warehouse: Warehouse, actor: EntryActor, studentId: string,
  input: { guardianId: string; consent: (typeof consentValues)[number] | null; channel?: (typeof consentChannels)[number] | null }): Promise<Row> {
  const r = await serializedWrite(warehouse, async (conn) => {
    const s = await studentSchool(conn, actor, studentId);
    if (actor.guardianId && actor.guardianId !== input.guardianId) {
      throw new AccessDenied('not_own_consent', 'Представитель может записать только своё согласие', 'guardian recording consent of another guardian');
    }
    const id = `${input.guardianId}:${studentId}`;
    const old = (await readSnapshots(conn, 'guardian', s.school_id, [id])).get(id) as Row | null;
    const errors = new FieldErrors();
    if (!old) errors.add('guardianId', `представитель «${input.guardianId}» не записан у ученика «${studentId}»`);
    if (input.consent !== null && !consentValues.includes(input.consent)) errors.add('consent', `допустимы: ${consentValues.join(', ')} или пусто`);
    if (input.channel != null && !consentChannels.includes(input.channel)) errors.add('channel', `допустимы: ${consentChannels.join(', ')}`);
    errors.throwIfAny();
    const row = { ...old, consent: input.consent, consent_recorded_at: input.consent ? new Date().toISOString() : null, channel: input.channel ?? old!.channel ?? null };
    await auditedReplace(conn, { actor: actor.login, entity: 'guardian', schoolId: s.school_id, ids: [id], rows: [row] });
    return { schoolId: s.school_id, row: (await readSnapshots(conn, 'guardian', s.school_id, [id])).get(id) as Row };
  });
  scheduleRefresh(warehouse, r.schoolId);
  return r.row;
}
