import type { MarkScale } from '../../common/bundle-spec';
import { addRow, type BundleDraft, type Provenance } from './bundle-draft';
import type { MapContext } from './map-context';
import { readTimestamp } from './read-dates';
import type { OneRosterRow } from './read-oneroster';

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

/** What the results of one school are mapped against (built from lineItems and the school's people). */
export interface GradebookScope {
  scale: MarkScale;
  /** graded lineItem -> its lesson's work type and teacher */
  lessons: Map<string, { workType: string; teacher: string }>;
  /** every lineItem of the export (a result of another school's item is skipped, not an error) */
  allItems: Set<string>;
  students: Set<string>;
  staffIds: Set<string>;
  resultsFile: string;
}

/**
 * lineItems -> lessons (one per graded item: OneRoster has no lessons, but a mark needs one; the
 * lesson carries only date, group and teacher, times 00:00 = unknown) and results -> marks.
 */
export function mapGradebook(ctx: MapContext, draft: BundleDraft, groups: Set<string>, students: Set<string>): number {
  const scope = mapLineItems(ctx, draft, groups, students);
  if (ctx.deferResults && ctx.table('results')?.native) {
    ctx.deferResults(draft, scope);
    return 0;
  }
  let marks = 0;
  for (const r of ctx.active('results')) {
    const m = resultMark(ctx, scope, r);
    if (m) { addRow(draft, 'marks', m.row, m.prov); marks++; }
  }
  return marks;
}

export function mapLineItems(ctx: MapContext, draft: BundleDraft, groups: Set<string>, students: Set<string>): GradebookScope {
  const scale = (draft.manifest.mark_scale ?? 'five_point') as MarkScale;
  const categories = new Map(ctx.active('categories').map((c) => [c.v.sourcedId!, c.v.title ?? '']));
  const teacherOf = new Map((draft.files.groups?.rows ?? []).map((g) => [g.group_id!, g.teacher_id!]));
  const lessons = new Map<string, { workType: string; teacher: string }>();
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
    lessons.set(li.v.sourcedId!, { workType: workTypeOf(categories.get(li.v.categorySourcedId ?? '') ?? ''), teacher });
  }
  const staffIds = new Set((draft.files.staff?.rows ?? []).map((s) => s.staff_id!));
  if (lessons.size) {
    ctx.warn('lineItems', undefined, undefined, 'lessons_from_line_items', `${lessons.size} уроков созданы из заданий (lineItems), чтобы к ним привязать отметки: известны только дата, группа и учитель; время, тема и посещаемость в OneRoster отсутствуют`,
      `${lessons.size} lessons made from lineItems (date, group, teacher only)`);
  }
  return { scale, lessons, allItems, students, staffIds, resultsFile: ctx.table('results')?.name ?? 'results.csv' };
}

// one provenance map shared by every mark (a million rows must not mean a million small objects)
const cols = { mark_id: 'sourcedId', lesson_id: 'lineItemSourcedId', student_id: 'studentSourcedId', entered_at: 'dateLastModified', comment: 'comment' };
export const markColumnsByScore = { ...cols, value: 'score' };
export const markColumnsByTextScore = { ...cols, value: 'textScore' };

/** One active result -> a mark row with its provenance, or null (skipped, or an error recorded in ctx). */
export function resultMark(ctx: MapContext, g: GradebookScope, r: OneRosterRow): { row: Record<string, string>; prov: Provenance } | null {
  const item = r.v.lineItemSourcedId ?? '';
  const lesson = g.lessons.get(item);
  if (!lesson) {
    if (!g.allItems.has(item)) ctx.error('results', r, 'lineItemSourcedId', 'dangling_reference', `задание «${item}» не найдено в lineItems.csv`, `lineItem ${item} not found`);
    return null;
  }
  const student = r.v.studentSourcedId ?? '';
  if (!g.students.has(student)) {
    ctx.error('results', r, 'studentSourcedId', 'dangling_reference', `ученик «${student}» не найден среди учеников школы`, `student ${student} not found`);
    return null;
  }
  const status = (r.v.scoreStatus ?? '').toLowerCase();
  const raw = r.v.score || r.v.textScore || '';
  if (status === 'exempt' || status === 'not submitted' || (raw === '' && status !== 'fully graded')) return null;
  const value = markOf(raw, g.scale);
  if (value === null) {
    ctx.error('results', r, r.v.score ? 'score' : 'textScore', 'bad_mark', `«${raw}» — не отметка шкалы ${g.scale === 'five_point' ? '1–5' : g.scale === 'ten_point' ? '1–10' : 'зач/незач'}`,
      `"${raw}" is not a mark on the ${g.scale} scale`);
    return null;
  }
  const at = readTimestamp(r.v.dateLastModified ?? '');
  if ('error' in at) {
    ctx.error('results', r, 'dateLastModified', 'bad_timestamp', `${at.error}: без времени записи отметки нельзя проверить срок выставления`, at.errorEn);
    return null;
  }
  return {
    row: { mark_id: r.v.sourcedId!, lesson_id: item, student_id: student, value, work_type: lesson.workType,
      entered_at: at.ok, entered_by: g.staffIds.has(r.v.ext_svodka_enteredBy ?? '') ? r.v.ext_svodka_enteredBy! : lesson.teacher, comment: r.v.comment ?? '' },
    prov: { file: g.resultsFile, line: r.line, columns: r.v.score ? markColumnsByScore : markColumnsByTextScore },
  };
}
