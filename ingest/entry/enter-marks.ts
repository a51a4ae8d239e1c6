import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { serializedWrite } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { insertNewAudited } from './deferred-inserts';
import { readSnapshots } from './entities';
import type { EntryActor } from './entry-actor';
import { FieldErrors } from './field-errors';
import { cachedLesson, cachedLocks, prefetchLesson } from './context-cache';
import { refuseLocked } from './finals-lock';
import type { LessonWithStudents } from './load-context';
import { markValueProblem } from './mark-values';
import { scheduleRefresh } from './refresh-marts';
import { sqlRows, type Row } from './sql-rows';
import { hasLoneSurrogate } from '../../common/lone-surrogate';

export interface MarkInput {
  /** given: change that mark of this lesson; absent: a new mark */
  markId?: string;
  studentId: string;
  value: string;
  workType: string;
  weight?: number | null;
  makeup?: boolean | null;
  comment?: string | null;
}

export const maxMarksPerRequest = 5000;
export const newEntryId = () => `N-${randomUUID()}`;

/**
 * Enters marks of one lesson in bulk (and removes marks of it): every value by the school's scale,
 * all or nothing, one audit link per mark. A changed mark keeps its first entry time and author (the
 * audit log has who changed it).
 */
export async function enterMarks(warehouse: Warehouse, actor: EntryActor, lessonId: string, input: { marks: MarkInput[]; removeMarkIds?: string[] }): Promise<{ markIds: string[]; removed: number; changed: number }> {
  const remove = input.removeMarkIds ?? [];
  // only new marks: their rows and audit links go with those of the other writes of the group
  const onlyNew = remove.length === 0 && input.marks.every((m) => m.markId === undefined);
  const pre = await prefetchLesson(warehouse, actor, lessonId);
  const result = await serializedWrite(warehouse, async (conn) => {
    // validated inside the write, against what the writes before it left; what it reads is kept
    // between writes (context-cache.ts), so this costs no query while nothing else changes
    const l = await cachedLesson(conn, warehouse, actor, lessonId, pre);
    validateMarks(l, input, remove);
    return writeMarks(conn, warehouse, actor, l, lessonId, input, remove, onlyNew);
  }, { deferring: onlyNew });
  scheduleRefresh(warehouse, result.schoolId);
  return { markIds: result.markIds, removed: result.removed, changed: result.changed };
}

// text that is not valid Unicode (JSON allows "\ud800"); DuckDB cannot store it as given

function validateMarks(l: LessonWithStudents, input: { marks: MarkInput[] }, remove: string[]): void {
  const students = l.students;
  const errors = new FieldErrors();
  if (input.marks.length + remove.length === 0) errors.add('marks', 'нет ни одной оценки');
  if (input.marks.length > maxMarksPerRequest) errors.add('marks', `не больше ${maxMarksPerRequest} оценок за раз`);
  if (l.status === 'cancelled' || l.status === 'moved') errors.add('lessonId', 'урок отменён или перенесён: оценки за него ставить нельзя');
  if (l.in_future) errors.add('lessonId', `урок ${l.date} ещё не прошёл`);
  input.marks.forEach((m, i) => {
    const f = (name: string) => `marks[${i}].${name}`;
    if (!students.has(m.studentId)) errors.add(f('studentId'), `ученик «${m.studentId}» не состоит в группе на ${l.date}`);
    const valueProblem = typeof m.value === 'string' ? markValueProblem(m.value, l.mark_scale) : 'оценка должна быть строкой';
    if (valueProblem) errors.add(f('value'), valueProblem);
    if (typeof m.workType !== 'string' || m.workType.trim() === '' || m.workType.length > 40) errors.add(f('workType'), 'вид работы: непустой текст до 40 символов');
    if (m.weight !== undefined && m.weight !== null && !(typeof m.weight === 'number' && m.weight > 0 && m.weight <= 10)) errors.add(f('weight'), 'вес: число больше 0 и не больше 10');
    if (typeof m.comment === 'string' && m.comment.length > 500) errors.add(f('comment'), 'не длиннее 500 символов');
    for (const [name, v] of [['workType', m.workType], ['comment', m.comment]] as const) {
      if (typeof v === 'string' && hasLoneSurrogate(v)) errors.add(f(name), 'недопустимый символ (непарный суррогат UTF-16)');
    }
  });
  errors.throwIfAny();
}

async function writeMarks(conn: DuckDBConnection, warehouse: Warehouse, actor: EntryActor, l: LessonWithStudents, lessonId: string,
  input: { marks: MarkInput[] }, remove: string[], onlyNew: boolean): Promise<{ schoolId: string; markIds: string[]; removed: number; changed: number }> {
  // (a serialized write may run twice: nothing it adds may outlive a run)
  const errors = new FieldErrors();
  const updates = input.marks.flatMap((m) => (m.markId ? [m.markId] : []));
  if (updates.length + remove.length > 0) {
    const ofLesson = new Set((await sqlRows<{ mark_id: string }>(conn, 'entry/marks-of-lesson', { school_id: l.school_id, lesson_id: lessonId })).map((m) => m.mark_id));
    const seenIds = new Set<string>();
    input.marks.forEach((m, i) => {
      if (m.markId === undefined) return;
      if (!ofLesson.has(m.markId)) errors.add(`marks[${i}].markId`, `оценка «${m.markId}» не найдена у этого урока`);
      if (seenIds.has(m.markId)) errors.add(`marks[${i}].markId`, `оценка «${m.markId}» указана дважды`);
      seenIds.add(m.markId);
    });
    remove.forEach((id, i) => {
      if (!ofLesson.has(id)) errors.add(`removeMarkIds[${i}]`, `оценка «${id}» не найдена у этого урока`);
      if (seenIds.has(id)) errors.add(`removeMarkIds[${i}]`, `оценка «${id}» одновременно изменяется и удаляется`);
    });
    errors.throwIfAny();
  }
  refuseLocked(await cachedLocks(conn, warehouse, { schoolId: l.school_id, groupId: l.group_id, onDate: l.date }), l.group_id);

  const now = new Date().toISOString();
  const old = await readSnapshots(conn, 'mark', l.school_id, updates);
  const rows = input.marks.map((m) => {
    const prev = m.markId ? (old.get(m.markId) as Row) : null;
    return {
      mark_id: m.markId ?? newEntryId(), lesson_id: lessonId, student_id: m.studentId, value: m.value, work_type: m.workType.trim(),
      weight: m.weight ?? 1, entered_at: prev?.entered_at ?? now, entered_by: prev?.entered_by ?? actor.enteredBy,
      makeup: m.makeup ?? false, comment: m.comment ?? null,
    };
  });
  const ids = rows.map((r) => r.mark_id);
  if (onlyNew) {
    const changed = await insertNewAudited(conn, { actor: actor.login, entity: 'mark', schoolId: l.school_id, ids, rows });
    return { schoolId: l.school_id, markIds: ids, removed: 0, changed };
  }
  const newIds = new Set(ids.filter((id) => !updates.includes(id)));
  const changes = await auditedReplace(conn, { actor: actor.login, entity: 'mark', schoolId: l.school_id, ids: [...ids, ...remove], rows, newIds });
  return { schoolId: l.school_id, markIds: ids, removed: remove.length, changed: changes.length };
}
