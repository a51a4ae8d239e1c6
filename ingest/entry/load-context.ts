import type { DuckDBConnection } from '@duckdb/node-api';
import { AccessDenied, NotFound } from '../../common/errors';
import type { EntryActor } from './entry-actor';
import { schoolParams } from './entry-actor';
import type { MarkScale } from './mark-values';
import { sqlRows } from './sql-rows';

export interface LessonContext {
  school_id: string; lesson_id: string; group_id: string; date: string; status: string; teacher_id: string;
  subject_id: string; class_id: string | null; group_kind: string; mark_scale: MarkScale; timezone: string; in_future: boolean;
}

export interface GroupContext {
  school_id: string; group_id: string; subject_id: string; class_id: string | null; group_kind: string;
  mark_scale: MarkScale; timezone: string; today: string;
}

const notWritable = (groupId: string) =>
  new AccessDenied('group_not_writable', `Нет права записи в группу «${groupId}»: вы её не ведёте`, `group ${groupId} not writable by caller`);

/** The lesson, which the actor must be allowed to write (the group is theirs). */
export async function lessonForWrite(conn: DuckDBConnection, actor: EntryActor, lessonId: string): Promise<LessonContext> {
  const [l] = await sqlRows<LessonContext>(conn, 'entry/lesson-context', { lesson_id: lessonId, ...schoolParams(actor) });
  if (!l) throw new NotFound('lesson_not_found', `Урок «${lessonId}» не найден`, `lesson ${lessonId} not found`);
  if (!actor.writableGroups.includes(l.group_id)) throw notWritable(l.group_id);
  return l;
}

export type LessonWithStudents = LessonContext & { students: Set<string> };

/** The lesson with the students of its group on its date (groupStudents), in the schools the actor sees; one query. */
export async function readLessonWithStudents(conn: DuckDBConnection, actor: EntryActor, lessonId: string): Promise<LessonWithStudents> {
  const [l] = await sqlRows<LessonContext & { students: string[] }>(conn, 'entry/lesson-with-students', { lesson_id: lessonId, ...schoolParams(actor) });
  if (!l) throw new NotFound('lesson_not_found', `Урок «${lessonId}» не найден`, `lesson ${lessonId} not found`);
  return { ...l, students: new Set(l.students) };
}

export function assertWritable(actor: EntryActor, groupId: string): void {
  if (!actor.writableGroups.includes(groupId)) throw notWritable(groupId);
}

/** lessonForWrite with the students of its group on the lesson's date, in one query. */
export async function lessonWithStudents(conn: DuckDBConnection, actor: EntryActor, lessonId: string): Promise<LessonWithStudents> {
  const l = await readLessonWithStudents(conn, actor, lessonId);
  assertWritable(actor, l.group_id);
  return l;
}

export async function groupForWrite(conn: DuckDBConnection, actor: EntryActor, groupId: string): Promise<GroupContext> {
  const [g] = await sqlRows<GroupContext>(conn, 'entry/group-context', { group_id: groupId, ...schoolParams(actor) });
  if (!g) throw new NotFound('group_not_found', `Группа «${groupId}» не найдена`, `group ${groupId} not found`);
  if (!actor.writableGroups.includes(g.group_id)) throw notWritable(g.group_id);
  return g;
}

/** Students of the group on a date, or at any time between from and to. */
export async function groupStudents(conn: DuckDBConnection, schoolId: string, groupId: string, when: { onDate?: string; from?: string; to?: string }): Promise<Set<string>> {
  const rows = await sqlRows<{ student_id: string }>(conn, 'entry/group-students', {
    school_id: schoolId, group_id: groupId, on_date: when.onDate ?? null, from: when.from ?? null, to: when.to ?? null,
  });
  return new Set(rows.map((r) => r.student_id));
}

export const exists = async (conn: DuckDBConnection, query: string, params: Record<string, string | null>) =>
  (await sqlRows(conn, query, params)).length > 0;
