import type { Warehouse } from '../../warehouse/open-warehouse';
import { serializedWrite } from '../audit/serialized-write';
import { auditedReplace } from './audited-write';
import { readSnapshots } from './entities';
import type { EntryActor } from './entry-actor';
import { FieldErrors, isDate } from './field-errors';
import { assertNotLocked } from './finals-lock';
import { groupForWrite, type LessonContext } from './load-context';
import { newEntryId } from './enter-marks';
import { scheduleRefresh } from './refresh-marts';
import { sqlRows, type Row } from './sql-rows';

export const controlWorkKinds = ['vshk', 'written', 'essay', 'test'] as const;

export interface ControlWorkInput {
  controlWorkId?: string;
  kind: (typeof controlWorkKinds)[number];
  title: string;
  plannedDate: string;
  /** the lesson where it was held (of the same group) */
  lessonId?: string | null;
}

/** Plans or updates a control work of a group; naming its lesson also marks that lesson. */
export async function saveControlWork(warehouse: Warehouse, actor: EntryActor, groupId: string, input: ControlWorkInput): Promise<Row> {
  const result = await serializedWrite(warehouse, async (conn) => {
    const g = await groupForWrite(conn, actor, groupId);
    const errors = new FieldErrors();
    if (!controlWorkKinds.includes(input.kind)) errors.add('kind', `допустимы: ${controlWorkKinds.join(', ')}`);
    if (typeof input.title !== 'string' || input.title.trim() === '' || input.title.length > 200) errors.add('title', 'название: непустой текст до 200 символов');
    if (!isDate(input.plannedDate)) errors.add('plannedDate', 'дата в формате ГГГГ-ММ-ДД');
    let lesson: LessonContext | undefined;
    if (input.lessonId) {
      [lesson] = await sqlRows<LessonContext>(conn, 'entry/lesson-context', { lesson_id: input.lessonId, all_schools: false, schools: JSON.stringify([g.school_id]) });
      if (!lesson || lesson.group_id !== groupId) errors.add('lessonId', `урок «${input.lessonId}» не найден в группе «${groupId}»`);
    }
    if (input.controlWorkId) {
      const [cw] = await sqlRows<{ group_id: string }>(conn, 'entry/control-work-of-group', { school_id: g.school_id, control_work_id: input.controlWorkId });
      if (!cw || cw.group_id !== groupId) errors.add('controlWorkId', `контрольная работа «${input.controlWorkId}» не найдена в группе`);
    }
    errors.throwIfAny();
    await assertNotLocked(conn, { schoolId: g.school_id, groupId, onDate: lesson?.date ?? input.plannedDate });
    const id = input.controlWorkId ?? newEntryId();
    const row = { control_work_id: id, group_id: groupId, kind: input.kind, title: input.title.trim(), planned_date: input.plannedDate, lesson_id: input.lessonId ?? null };
    await auditedReplace(conn, { actor: actor.login, entity: 'control_work', schoolId: g.school_id, ids: [id], rows: [row] });
    if (lesson) {
      const old = (await readSnapshots(conn, 'lesson', g.school_id, [lesson.lesson_id])).get(lesson.lesson_id) as Row;
      await auditedReplace(conn, { actor: actor.login, entity: 'lesson', schoolId: g.school_id, ids: [lesson.lesson_id], rows: [{ ...old, control_work_id: id }] });
    }
    return { schoolId: g.school_id, row: (await readSnapshots(conn, 'control_work', g.school_id, [id])).get(id) as Row };
  });
  scheduleRefresh(warehouse, result.schoolId);
  return result.row;
}
