// A class journal sheet: students × dated columns; each column is a lesson of the class's group in
// the subject, each cell holds marks and/or an attendance letter (н/б/у/о).
import { headerMatches } from './xlsx-profile';
import { metaValue, mapColumns, type HeaderFound } from './sheet-header';
import { columnLetter, studentName } from './sheet-students';
import type { SheetRow } from './read-sheets';
import { parseClassCode } from './xlsx-school';
import { prov, type XlsxContext } from './xlsx-context';

export async function mapJournalSheet(ctx: XlsxContext, file: string, found: HeaderFound, rows: AsyncIterable<SheetRow>): Promise<void> {
  const p = found.profile;
  const hdr = found.header;
  const s = ctx.school;
  const classText = metaValue(p.meta.class, found.above) ?? ctx.opts.className ?? null;
  const subjectName = metaValue(p.meta.subject, found.above) ?? ctx.opts.subject ?? null;
  const teacherName = metaValue(p.meta.teacher, found.above) ?? ctx.opts.teacher ?? null;
  const cls = classText ? parseClassCode(classText) : null;
  const missing = [!cls && `класс${classText ? ` («${classText}» не похож на «7Б»)` : ''}`, !subjectName && 'предмет', !teacherName && 'учитель'].filter(Boolean);
  if (missing.length || !cls || !subjectName || !teacherName) {
    ctx.error(file, hdr.line, undefined, 'journal_context_missing', `в шапке листа не найдено: ${missing.join(', ')} — укажите их при импорте`,
      `journal sheet title block lacks: class/subject/teacher`);
    return;
  }
  const where = prov(file, hdr.line, {});
  const teacherId = s.staff(teacherName, where);
  const subjectId = s.subject(subjectName, where);
  s.put('classes', cls.id, { class_id: cls.id, grade: String(cls.grade), letter: cls.letter, class_teacher_id: '' }, where);
  const groupId = `${cls.id}-${subjectId}`;
  s.put('groups', groupId, { group_id: groupId, subject_id: subjectId, class_id: cls.id, name: `${subjectName} ${cls.id}`, kind: 'class', teacher_id: teacherId }, where);

  const { map, duplicated } = mapColumns(p, hdr.cells);
  if (duplicated.length) {
    ctx.error(file, hdr.line, duplicated[0], 'duplicate_header', `столбец «${duplicated[0]}» повторяется в заголовке — неясно, какой читать`, 'duplicated header');
    return;
  }
  const dateRe = new RegExp(`^(?:${p.dateHeader})$`, 'iu');
  const lessons = new Map<number, { id: string; date: string; attendance: boolean }>();
  const perDate = new Map<string, number>();
  hdr.cells.forEach((cell, i) => {
    // a date typed into Excel arrives as a date cell, read as YYYY-MM-DD whatever the profile says
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
    if (!iso && !headerMatches(p.dateHeader!, cell)) return;
    const g = iso ? { y: iso[1]!, m: iso[2]!, d: iso[3]! } : dateRe.exec(cell.trim())!.groups!;
    const date = ctx.dateOf(Number(g.d), Number(g.m), g.y ? Number(g.y) : undefined);
    if (!date) {
      ctx.error(file, hdr.line, columnLetter(i), 'bad_date', ctx.startYear === null && !g.y
        ? `дата «${cell}» без года, а учебный год не указан — укажите его при импорте (например 2025/2026)` : `«${cell}» — несуществующая дата`,
        `bad lesson date "${cell}"`);
      return;
    }
    const n = (perDate.get(date) ?? 0) + 1;
    perDate.set(date, n);
    const id = `${groupId}-${date}${n > 1 ? `-${n}` : ''}`;
    if (s.has('lessons', id)) s.lessonsRepeat = true;
    lessons.set(i, { id, date, attendance: false });
  });
  const sep = new RegExp(p.separator, 'u');
  const seen = new Map<string, number>();
  // one provenance columns object per sheet column: a big journal's marks share them (spill-table.ts)
  const nameCol = columnLetter(map.student ?? map.last_name ?? 0);
  const markCols = new Map([...lessons.keys()].map((i) => [i, { value: columnLetter(i), student_id: nameCol }]));
  const statusCols = new Map([...lessons.keys()].map((i) => [i, { status: columnLetter(i), student_id: nameCol }]));
  for await (const row of rows) {
    if (row.line <= hdr.line) continue;
    const name = studentName(row, map);
    if (!name) continue;
    const studentId = s.studentId(cls.id, name);
    if (seen.has(studentId)) {
      ctx.error(file, row.line, nameCol, 'duplicate_student', `ученик «${name}» уже есть в строке ${seen.get(studentId)} — однофамильцев с одинаковым ФИО не различить`, 'duplicate student name');
      continue;
    }
    seen.set(studentId, row.line);
    const rp = prov(file, row.line, { full_name: nameCol });
    s.put('students', studentId, { student_id: studentId, full_name: name }, rp);
    s.put('enrollments', `${studentId}|${cls.id}`, { student_id: studentId, class_id: cls.id, from_date: ctx.opts.yearStartsOn ?? '' }, rp);
    for (const [i, lesson] of lessons) {
      const text = (row.cells[i] ?? '').trim();
      if (!text) continue;
      const col = columnLetter(i);
      let k = 0;
      let absence = false;
      for (const token of text.split(sep).filter(Boolean)) {
        const t = token.toLowerCase();
        const mark = p.marks[t];
        const status = p.attendance[t];
        if (mark) {
          k++;
          s.put('marks', `${lesson.id}-${studentId}-${k}`, { mark_id: `${lesson.id}-${studentId}-${k}`, lesson_id: lesson.id, student_id: studentId,
            value: mark, work_type: 'other', entered_at: ctx.endOfDay(lesson.date), entered_by: teacherId }, prov(file, row.line, markCols.get(i)!));
        } else if (status && !absence) {
          absence = true;
          lesson.attendance = true;
          s.put('attendance', `${lesson.id}|${studentId}`, { lesson_id: lesson.id, student_id: studentId, status,
            entered_at: ctx.endOfDay(lesson.date), entered_by: teacherId }, prov(file, row.line, statusCols.get(i)!));
        } else {
          ctx.error(file, row.line, col, status ? 'duplicate_attendance' : 'bad_cell', status ? `два пропуска в одной ячейке «${text}»`
            : `«${token.slice(0, 40)}» — не отметка (${Object.keys(p.marks).join(', ')}) и не пропуск (${Object.keys(p.attendance).join(', ')})`,
          `cell "${token.slice(0, 40)}" is neither a mark nor an attendance letter`);
        }
      }
    }
  }
  for (const lesson of lessons.values()) {
    s.put('lessons', lesson.id, { lesson_id: lesson.id, group_id: groupId, date: lesson.date, starts_at: '00:00', ends_at: '00:00', teacher_id: teacherId,
      status: 'held', attendance_entered_at: lesson.attendance ? ctx.endOfDay(lesson.date) : '' }, prov(file, hdr.line, { date: 'заголовок' }));
  }
}
