// A list of students: name, class, birth date, class teacher, a parent with phone / e-mail.
import { createHash } from 'node:crypto';
import { mapColumns, type HeaderFound } from './sheet-header';
import { columnLetter, studentName } from './sheet-students';
import type { SheetRow } from './read-sheets';
import { normName, parseClassCode } from './xlsx-school';
import { parseRuDate, prov, type XlsxContext } from './xlsx-context';

export async function mapRosterSheet(ctx: XlsxContext, file: string, found: HeaderFound, rows: AsyncIterable<SheetRow>): Promise<void> {
  const hdr = found.header;
  const s = ctx.school;
  const { map, duplicated } = mapColumns(found.profile, hdr.cells);
  if (duplicated.length) {
    ctx.error(file, hdr.line, duplicated[0], 'duplicate_header', `столбец «${duplicated[0]}» повторяется в заголовке — неясно, какой читать`, 'duplicated header');
    return;
  }
  const at = (row: SheetRow, f: string) => (map[f] !== undefined ? (row.cells[map[f]!] ?? '').trim() : '');
  const col = (f: string) => columnLetter(map[f] ?? 0);
  const seen = new Set<string>();
  for await (const row of rows) {
    if (row.line <= hdr.line) continue;
    const name = studentName(row, map);
    if (!name) continue;
    const cls = parseClassCode(at(row, 'class'));
    if (!cls) {
      ctx.error(file, row.line, col('class'), 'bad_class', `«${at(row, 'class').slice(0, 40)}» — не класс вида «7Б»`, 'bad class code');
      continue;
    }
    const studentId = s.studentId(cls.id, name);
    if (seen.has(studentId)) {
      ctx.error(file, row.line, col('student'), 'duplicate_student', `ученик «${name}» (${cls.id}) встречается дважды — однофамильцев с одинаковым ФИО не различить`, 'duplicate student');
      continue;
    }
    seen.add(studentId);
    const birthText = at(row, 'birth_date');
    const birth = birthText ? parseRuDate(birthText) : '';
    if (birth === null) {
      ctx.error(file, row.line, col('birth_date'), 'bad_date', `«${birthText.slice(0, 40)}» — не дата (ДД.ММ.ГГГГ)`, 'bad birth date');
      continue;
    }
    const rp = prov(file, row.line, { full_name: col('student'), birth_date: col('birth_date'), class_id: col('class') });
    const teacher = at(row, 'class_teacher');
    s.put('classes', cls.id, { class_id: cls.id, grade: String(cls.grade), letter: cls.letter, class_teacher_id: teacher ? s.staff(teacher, rp) : '' }, rp);
    s.put('students', studentId, { student_id: studentId, full_name: name, birth_date: birth }, rp);
    s.put('enrollments', `${studentId}|${cls.id}`, { student_id: studentId, class_id: cls.id, from_date: ctx.opts.yearStartsOn ?? '' }, rp);
    const guardian = at(row, 'guardian');
    if (guardian) {
      const gid = `g-${createHash('sha1').update(`${normName(guardian)}|${at(row, 'guardian_phone')}`).digest('hex').slice(0, 10)}`;
      s.put('guardians', `${gid}|${studentId}`, { guardian_id: gid, student_id: studentId, full_name: guardian, phone: at(row, 'guardian_phone'),
        email: at(row, 'guardian_email') }, prov(file, row.line, { full_name: col('guardian'), phone: col('guardian_phone'), email: col('guardian_email') }));
    }
  }
}
