// A summary sheet of finals: students × «Subject (period)» columns.
import { headerMatches } from './xlsx-profile';
import { metaValue, mapColumns, type HeaderFound } from './sheet-header';
import { columnLetter, studentName } from './sheet-students';
import type { SheetRow } from './read-sheets';
import { parseClassCode } from './xlsx-school';
import { prov, type XlsxContext } from './xlsx-context';

export async function mapFinalsSheet(ctx: XlsxContext, file: string, found: HeaderFound, rows: AsyncIterable<SheetRow>): Promise<void> {
  const p = found.profile;
  const hdr = found.header;
  const s = ctx.school;
  const classText = metaValue(p.meta.class, found.above) ?? ctx.opts.className ?? null;
  const cls = classText ? parseClassCode(classText) : null;
  if (!cls) {
    ctx.error(file, hdr.line, undefined, 'journal_context_missing', `в шапке листа не найден класс${classText ? ` («${classText}» не похож на «7Б»)` : ''} — укажите его при импорте`,
      'finals sheet: class not found');
    return;
  }
  const where = prov(file, hdr.line, {});
  const classTeacher = metaValue(p.meta.classTeacher, found.above) ?? ctx.opts.classTeacher ?? null;
  s.put('classes', cls.id, { class_id: cls.id, grade: String(cls.grade), letter: cls.letter, class_teacher_id: classTeacher ? s.staff(classTeacher, where) : '' }, where);
  const { map, duplicated } = mapColumns(p, hdr.cells);
  if (duplicated.length) {
    ctx.error(file, hdr.line, duplicated[0], 'duplicate_header', `столбец «${duplicated[0]}» повторяется в заголовке — неясно, какой читать`, 'duplicated header');
    return;
  }
  const re = new RegExp(`^(?:${p.finalHeader})$`, 'iu');
  const cols = new Map<number, { subjectId: string; periodId: string; ends: string }>();
  const taken = new Set<string>();
  hdr.cells.forEach((cell, i) => {
    if (Object.values(map).includes(i) || !headerMatches(p.finalHeader!, cell)) return;
    const g = re.exec(cell.trim().replace(/\s+/g, ' '))!.groups!;
    const tpl = (p.periods ?? []).find((t) => headerMatches(t.match, g.period!.trim()));
    const starts = tpl && ctx.dateOf(Number(tpl.starts.slice(3)), Number(tpl.starts.slice(0, 2)));
    const ends = tpl && ctx.dateOf(Number(tpl.ends.slice(3)), Number(tpl.ends.slice(0, 2)));
    if (!tpl || !starts || !ends) {
      ctx.error(file, hdr.line, columnLetter(i), tpl ? 'no_academic_year' : 'unknown_period', tpl ? 'учебный год не указан — укажите его при импорте'
        : `период «${g.period}» не описан в профиле ${p.id}`, tpl ? 'academic year unknown' : `unknown period "${g.period}"`);
      return;
    }
    if (taken.has(`${g.subject}|${tpl.id}`)) {
      ctx.error(file, hdr.line, columnLetter(i), 'duplicate_header', `столбец «${cell}» повторяется — неясно, какой читать`, 'duplicated final column');
      return;
    }
    taken.add(`${g.subject}|${tpl.id}`);
    s.put('periods', tpl.id, { period_id: tpl.id, name: tpl.name, kind: tpl.kind, starts_on: starts, ends_on: ends }, prov(file, hdr.line, {}));
    cols.set(i, { subjectId: s.subject(g.subject!, prov(file, hdr.line, { name: columnLetter(i) })), periodId: tpl.id, ends });
  });
  const seen = new Set<string>();
  for await (const row of rows) {
    if (row.line <= hdr.line) continue;
    const name = studentName(row, map);
    if (!name) continue;
    const studentId = s.studentId(cls.id, name);
    const nameCol = columnLetter(map.student ?? map.last_name ?? 0);
    if (seen.has(studentId)) {
      ctx.error(file, row.line, nameCol, 'duplicate_student', `ученик «${name}» встречается дважды — однофамильцев с одинаковым ФИО не различить`, 'duplicate student');
      continue;
    }
    seen.add(studentId);
    s.put('students', studentId, { student_id: studentId, full_name: name }, prov(file, row.line, { full_name: nameCol }));
    s.put('enrollments', `${studentId}|${cls.id}`, { student_id: studentId, class_id: cls.id, from_date: ctx.opts.yearStartsOn ?? '' }, prov(file, row.line, { student_id: nameCol }));
    for (const [i, c] of cols) {
      const text = (row.cells[i] ?? '').trim().toLowerCase();
      if (!text) continue;
      const value = p.marks[text];
      if (!value) {
        ctx.error(file, row.line, columnLetter(i), 'bad_cell', `«${text.slice(0, 40)}» — не итоговая отметка (${Object.keys(p.marks).join(', ')})`, `"${text.slice(0, 40)}" is not a final mark`);
        continue;
      }
      s.put('final_marks', `${studentId}|${c.subjectId}|${c.periodId}`, { student_id: studentId, subject_id: c.subjectId, period_id: c.periodId,
        value, entered_at: ctx.endOfDay(c.ends), entered_by: '', class_id: cls.id }, prov(file, row.line, { value: columnLetter(i), student_id: nameCol }));
    }
  }
}
