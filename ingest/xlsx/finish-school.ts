// The last pass over an assembled school: the manifest, the year, and the references that only the
// whole import can resolve (class teachers, who entered the finals).
import type { BundleDraft } from '../oneroster/bundle-draft';
import { issue } from '../oneroster/convert-issue';
import { prov, type XlsxContext } from './xlsx-context';

export function finishSchool(ctx: XlsxContext, source: string): BundleDraft | null {
  const o = ctx.opts;
  if (!o.schoolId) {
    ctx.issues.push(issue('error', 'no_school', { file: source }, 'в выгрузке нет кода школы — укажите школу при импорте (экран импорта или svodka import-other --format xlsx --school КОД)', 'schoolId option required'));
    return null;
  }
  let startYear = ctx.startYear;
  if (startYear === null) {
    const dates = ctx.school.rows('lessons').map((l) => l.date!).sort();
    if (dates[0]) startYear = Number(dates[0].slice(5, 7)) >= 8 ? Number(dates[0].slice(0, 4)) : Number(dates[0].slice(0, 4)) - 1;
  }
  if (startYear === null) {
    ctx.issues.push(issue('error', 'no_academic_year', { file: source }, 'не определить учебный год — укажите его при импорте (например 2025/2026)', 'academic year unknown'));
    return null;
  }
  const yearStartsOn = o.yearStartsOn ?? `${startYear}-09-01`;
  const yearEndsOn = o.yearEndsOn ?? `${startYear + 1}-08-31`;
  const s = ctx.school;
  const where = prov(source, 0, {});
  const fallbackTeacher = o.classTeacher ? s.staff(o.classTeacher, where) : '';
  for (const { row: c, prov: from } of ctx.school.entries('classes')) {
    if (!c.class_teacher_id) c.class_teacher_id = fallbackTeacher;
    if (!c.class_teacher_id) {
      ctx.issues.push(issue('error', 'no_class_teacher', { file: from.file }, `у класса ${c.class_id} не указан классный руководитель — добавьте список учащихся со столбцом «Классный руководитель» или укажите его при импорте`,
        `class ${c.class_id} has no class teacher`));
    }
  }
  for (const e of ctx.school.rows('enrollments')) if (!e.from_date) e.from_date = yearStartsOn;
  const groupTeacher = new Map(ctx.school.rows('groups').map((g) => [`${g.class_id}|${g.subject_id}`, g.teacher_id!]));
  const classTeacher = new Map(ctx.school.rows('classes').map((c) => [c.class_id!, c.class_teacher_id!]));
  let byClassTeacher = 0;
  for (const f of ctx.school.rows('final_marks')) {
    f.entered_by = groupTeacher.get(`${f.class_id}|${f.subject_id}`) ?? '';
    if (!f.entered_by && classTeacher.get(f.class_id!)) { f.entered_by = classTeacher.get(f.class_id!)!; byClassTeacher++; }
  }
  if (byClassTeacher) {
    ctx.issues.push(issue('warning', 'finals_by_class_teacher', { file: source }, `${byClassTeacher} итоговых отметок: учитель предмета неизвестен (нет журнала предмета), автором записан классный руководитель`,
      `${byClassTeacher} finals attributed to the class teacher`));
  }
  if (!o.enteredAt && (s.count('marks') || s.count('attendance') || s.count('final_marks'))) {
    ctx.issues.push(issue('warning', 'entered_at_assumed', { file: source }, 'в выгрузке нет времени выставления отметок и пропусков: записан конец дня урока (итоговых — конец периода); проверки сроков по этим данным недостоверны',
      'no entry times in the export: end of the lesson day assumed'));
  }
  if (!o.timezone) {
    ctx.issues.push(issue('warning', 'timezone_assumed', { file: source }, 'часовой пояс школы не указан; принят Europe/Moscow', 'time zone not given; Europe/Moscow assumed'));
  }
  return s.toDraft(o.schoolId, {
    school_name: o.schoolName ?? o.schoolId, timezone: ctx.timezone, academic_year: `${startYear}/${startYear + 1}`,
    year_starts_on: yearStartsOn, year_ends_on: yearEndsOn, mark_scale: o.markScale ?? 'five_point', source_system: 'XLSX/CSV',
  });
}
