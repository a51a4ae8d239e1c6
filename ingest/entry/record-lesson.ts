import type { Warehouse } from '../../warehouse/open-warehouse';
import { serializedWrite } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { readSnapshots } from './entities';
import type { EntryActor } from './entry-actor';
import { FieldErrors, isDate } from './field-errors';
import { assertNotLocked } from './finals-lock';
import { exists, groupStudents, lessonForWrite } from './load-context';
import { scheduleRefresh } from './refresh-marts';
import type { Row } from './sql-rows';

export const attendanceStatuses = ['absent', 'sick', 'excused', 'late'] as const;
export const lessonStatuses = ['held', 'cancelled', 'moved'] as const;

export interface LessonRecordInput {
  status?: (typeof lessonStatuses)[number];
  movedToDate?: string | null;
  topicId?: string | null;
  topicText?: string | null;
  homeworkText?: string | null;
  homeworkMinutes?: number | null;
  /** present = attendance was taken: the students not (fully) present */
  attendance?: { studentId: string; status: (typeof attendanceStatuses)[number] }[];
  /** who taught; another teacher than the scheduled one is a substitution */
  conductedBy?: string | null;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';
/** empty text is no value (JSON null may reach us as '' through schema coercion) */
const nz = <T>(v: T | null | undefined): T | null => (blank(v) ? null : (v as T));

/**
 * Records a lesson: status, topic (КТП or free text), homework, attendance, substitution. The server
 * sets the *_entered_at times: the first entry of each part, later corrections keep it (timeliness is
 * judged by when the part was first entered). One transaction with its audit links.
 */
export async function recordLesson(warehouse: Warehouse, actor: EntryActor, lessonId: string, input: LessonRecordInput): Promise<Row> {
  const result = await serializedWrite(warehouse, async (conn) => {
    const l = await lessonForWrite(conn, actor, lessonId);
    const errors = new FieldErrors();
    const status = input.status ?? 'held';
    if (!lessonStatuses.includes(status)) errors.add('status', `допустимы: ${lessonStatuses.join(', ')}`);
    if (status === 'held' && l.in_future) errors.add('status', `урок ${l.date} ещё не прошёл: провести его нельзя`);
    if (status === 'moved' && !isDate(input.movedToDate)) errors.add('movedToDate', 'для перенесённого урока нужна дата ГГГГ-ММ-ДД');
    if (!blank(input.topicId) && !(await exists(conn, 'entry/ktp-topic', { school_id: l.school_id, group_id: l.group_id, topic_id: input.topicId! }))) {
      errors.add('topicId', `тема «${input.topicId}» не найдена в КТП группы`);
    }
    if (typeof input.topicText === 'string' && input.topicText.length > 500) errors.add('topicText', 'не длиннее 500 символов');
    if (typeof input.homeworkText === 'string' && input.homeworkText.length > 2000) errors.add('homeworkText', 'не длиннее 2000 символов');
    if (!blank(input.homeworkMinutes)) {
      const m = input.homeworkMinutes!;
      if (!Number.isInteger(m) || m < 0 || m > 300) errors.add('homeworkMinutes', 'целое число минут от 0 до 300');
      if (blank(input.homeworkText)) errors.add('homeworkMinutes', 'время на домашнее задание без текста задания');
    }
    if (!blank(input.conductedBy) && !(await exists(conn, 'entry/staff-member', { school_id: l.school_id, staff_id: input.conductedBy! }))) {
      errors.add('conductedBy', `сотрудник «${input.conductedBy}» не найден в школе`);
    }
    if (input.attendance) {
      const students = await groupStudents(conn, l.school_id, l.group_id, { onDate: l.date });
      const seen = new Set<string>();
      input.attendance.forEach((a, i) => {
        if (!students.has(a.studentId)) errors.add(`attendance[${i}].studentId`, `ученик «${a.studentId}» не состоит в группе на ${l.date}`);
        if (seen.has(a.studentId)) errors.add(`attendance[${i}].studentId`, `ученик «${a.studentId}» указан дважды`);
        if (!attendanceStatuses.includes(a.status)) errors.add(`attendance[${i}].status`, `допустимы: ${attendanceStatuses.join(', ')}`);
        seen.add(a.studentId);
      });
    }
    errors.throwIfAny();
    await assertNotLocked(conn, { schoolId: l.school_id, groupId: l.group_id, onDate: l.date });

    const now = new Date().toISOString();
    const old = (await readSnapshots(conn, 'lesson', l.school_id, [lessonId])).get(lessonId) as Row;
    const row: Row = { ...old, status, moved_to_date: status === 'moved' ? input.movedToDate : null };
    const part = (fields: Record<string, unknown>, stamp: string) => {
      const changed = Object.entries(fields).some(([k, v]) => (old[k] ?? null) !== (v ?? null));
      if (!changed) return;
      Object.assign(row, fields);
      const filled = Object.values(fields).some((v) => !blank(v));
      row[stamp] = filled ? (old[stamp] ?? now) : null;
    };
    if ('topicId' in input || 'topicText' in input) part({ topic_id: nz(input.topicId), topic_text: nz(input.topicText) }, 'topic_entered_at');
    if ('homeworkText' in input || 'homeworkMinutes' in input) part({ homework_text: nz(input.homeworkText), homework_minutes: nz(input.homeworkMinutes) }, 'homework_entered_at');
    if (input.attendance) row.attendance_entered_at = old.attendance_entered_at ?? now;
    if ('conductedBy' in input) {
      const by = blank(input.conductedBy) || input.conductedBy === l.teacher_id ? null : input.conductedBy!;
      if (by !== (old.conducted_by ?? null)) {
        row.conducted_by = by;
        row.substitution_recorded_at = by ? now : null;
      }
    }
    const changes = await auditedReplace(conn, { actor: actor.login, entity: 'lesson', schoolId: l.school_id, ids: [lessonId], rows: [row] });
    if (input.attendance) {
      const before = (await readSnapshots(conn, 'attendance', l.school_id, [lessonId])).get(lessonId) as Row[];
      const rows = input.attendance.map((a) => {
        const same = before.find((b) => b.student_id === a.studentId && b.status === a.status);
        return { lesson_id: lessonId, student_id: a.studentId, status: a.status, entered_at: same?.entered_at ?? now, entered_by: same?.entered_by ?? actor.enteredBy };
      });
      changes.push(...await auditedReplace(conn, { actor: actor.login, entity: 'attendance', schoolId: l.school_id, ids: [lessonId], rows }));
    }
    return { schoolId: l.school_id, lesson: (await readSnapshots(conn, 'lesson', l.school_id, [lessonId])).get(lessonId) as Row, changed: changes.length };
  });
  scheduleRefresh(warehouse, result.schoolId);
  return { ...result.lesson, changed: result.changed };
}
