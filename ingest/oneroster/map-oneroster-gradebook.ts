import type { MarkScale } from '../../common/bundle-spec';
import { addRow, type BundleDraft } from './bundle-draft';
import type { MapContext } from './map-context';
import { readTimestamp } from './read-dates';

const workTypes: [RegExp, string][] = [
  [/homework|домаш/i, 'homework'], [/quiz|test|тест/i, 'test'], [/exam|контрол/i, 'control'], [/essay|сочин/i, 'essay'],
  [/project|проект/i, 'project'], [/practic|lab|практ|лаборат/i, 'practical'], [/oral|устн/i, 'oral'], [/written|письм/i, 'written'],
];

export function workTypeOf(category: string): string {
  if (!category) return 'other';
  return workTypes.find(([re]) => re.test(category))?.[1] ?? category;
}

/** A score as a mark of the scale, or null. `5.0` is 5; 85 on a five-point scale is not a mark. */
export function markOf(score: string, scale: MarkScale): string | null {
  const s = score.trim().toLowerCase();
  if (scale === 'pass_fail') return s === 'зач' || s === 'незач' ? s : null;
  if (!/^\d+(?:[.,]0+)?$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return n >= 1 && n <= (scale === 'ten_point' ? 10 : 5) ? String(n) : null;
}

/**
 * lineItems -> lessons (one per graded item: OneRoster has no lessons, but a mark needs one; the
 * lesson carries only date, group and teacher, times 00:00 = unknown) and results -> marks.
 */
export function mapGradebook(ctx: MapContext, draft: BundleDraft, groups: Set<string>, students: Set<string>): number {
  const scale = (draft.manifest.mark_scale ?? 'five_point') as MarkScale;
  const categories = new Map(ctx.active('categories').map((c) => [c.v.sourcedId!, c.v.title ?? '']));
  const teacherOf = new Map((draft.files.groups?.rows ?? []).map((g) => [g.group_id!, g.teacher_id!]));
  const lessons = new Map<string, { category: string; teacher: string }>();
  const allItems = new Set((ctx.table('lineItems')?.rows ?? []).map((l) => l.v.sourcedId!));
  for (const li of ctx.active('lineItems')) {
    const cls = li.v.classSourcedId ?? '';
    if (!groups.has(cls)) continue;
    const date = ctx.date('lineItems', li, li.v.assignDate ? 'assignDate' : 'dueDate');
    if (date === null) continue;
    if (!date) {
      ctx.error('lineItems', li, 'assignDate', 'missing_required', 'нет даты задания (assignDate/dueDate) — отметке не к чему привязаться', 'no assignDate/dueDate');
      continue;
    }
    const teacher = teacherOf.get(cls)!;
    addRow(draft, 'lessons', { lesson_id: li.v.sourcedId!, group_id: cls, date, starts_at: '00:00', ends_at: '00:00', teacher_id: teacher, status: 'held' },
      { file: ctx.table('lineItems')!.name, line: li.line, columns: { lesson_id: 'sourcedId', group_id: 'classSourcedId', date: li.v.assignDate ? 'assignDate' : 'dueDate' } });
    lessons.set(li.v.sourcedId!, { category: categories.get(li.v.categorySourcedId ?? '') ?? '', teacher });
  }
  // one provenance map shared by every mark (a million rows must not mean a million small objects)
  const resultsFile = ctx.table('results')?.name ?? 'results.csv';
  const cols = { mark_id: 'sourcedId', lesson_id: 'lineItemSourcedId', student_id: 'studentSourcedId', entered_at: 'dateLastModified', comment: 'comment' };
  const byScore = { ...cols, value: 'score' };
  const byTextScore = { ...cols, value: 'textScore' };
  const staffIds = new Set((draft.files.staff?.rows ?? []).map((s) => s.staff_id!));
  if (lessons.size) {
    ctx.warn('lineItems', undefined, undefined, 'lessons_from_line_items', `${lessons.size} уроков созданы из заданий (lineItems), чтобы к ним привязать отметки: известны только дата, группа и учитель; время, тема и посещаемость в OneRoster отсутствуют`,
      `${lessons.size} lessons made from lineItems (date, group, teacher only)`);
  }
  let marks = 0;
  for (const r of ctx.active('results')) {
    const item = r.v.lineItemSourcedId ?? '';
    const lesson = lessons.get(item);
    if (!lesson) {
      if (!allItems.has(item)) ctx.error('results', r, 'lineItemSourcedId', 'dangling_reference', `задание «${item}» не найдено в lineItems.csv`, `lineItem ${item} not found`);
      continue;
    }
    const student = r.v.studentSourcedId ?? '';
    if (!students.has(student)) {
      ctx.error('results', r, 'studentSourcedId', 'dangling_reference', `ученик «${student}» не найден среди учеников школы`, `student ${student} not found`);
      continue;
    }
    const status = (r.v.scoreStatus ?? '').toLowerCase();
    const raw = r.v.score || r.v.textScore || '';
    if (status === 'exempt' || status === 'not submitted' || (raw === '' && status !== 'fully graded')) continue;
    const value = markOf(raw, scale);
    if (value === null) {
      ctx.error('results', r, r.v.score ? 'score' : 'textScore', 'bad_mark', `«${raw}» — не отметка шкалы ${scale === 'five_point' ? '1–5' : scale === 'ten_point' ? '1–10' : 'зач/незач'}`,
        `"${raw}" is not a mark on the ${scale} scale`);
      continue;
    }
    const at = readTimestamp(r.v.dateLastModified ?? '');
    if ('error' in at) {
      ctx.error('results', r, 'dateLastModified', 'bad_timestamp', `${at.error}: без времени записи отметки нельзя проверить срок выставления`, at.errorEn);
      continue;
    }
    addRow(draft, 'marks', { mark_id: r.v.sourcedId!, lesson_id: item, student_id: student, value, work_type: workTypeOf(lesson.category),
      entered_at: at.ok, entered_by: staffIds.has(r.v.ext_svodka_enteredBy ?? '') ? r.v.ext_svodka_enteredBy! : lesson.teacher, comment: r.v.comment ?? '' },
    { file: resultsFile, line: r.line, columns: r.v.score ? byScore : byTextScore });
    marks++;
  }
  return marks;
}
