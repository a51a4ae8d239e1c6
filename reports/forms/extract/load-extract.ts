import { NotFound } from '../../../common/errors';
import type { Warehouse } from '../../../warehouse/open-warehouse';
import type { FormDocument } from '../../html/form-document';
import { formatDateRu } from '../../html/format-ru';
import { queryRows } from '../../query-rows';
import type { FormRequest } from '../form-request';
import { loadPeriods, loadSchool, requireParam, shortName } from '../school-context';
import { extractBody } from './extract-template';
import { extractView } from './extract-view';

interface StudentHeader { student_id: string; full_name: string; class_id: string | null; grade: number | null; letter: string | null; class_teacher_name: string | null }

/** F-EXTRACT: a paper extract of one student's diary for a period (default the whole year). */
export async function buildExtractForm(warehouse: Warehouse, req: FormRequest, madeAt: Date): Promise<FormDocument> {
  const school = await loadSchool(warehouse, req, 'F-EXTRACT');
  const studentId = requireParam(req.student, 'student', 'F-EXTRACT');
  const { from, to, label } = await loadPeriods(warehouse, school, req.period);
  const [student] = await queryRows<StudentHeader>(warehouse, 'student-header', { school: school.school_id, student: studentId, on: to });
  if (!student) throw new NotFound('student_not_found', `Обучающийся «${studentId}» не найден в школе «${school.school_id}»`, `student ${studentId} not found`);
  const p = { school: school.school_id, student: studentId, from, to };
  const view = extractView({
    lessons: await queryRows(warehouse, 'student-diary', p),
    finals: (await queryRows<{ subject_name: string; period_id: string; period_name: string; value: string }>(warehouse, 'student-finals', p))
      .filter((f) => !req.period || f.period_id === req.period),
  });
  const cls = student.grade ? `${student.grade}${student.letter}` : '';
  return {
    formId: 'F-EXTRACT',
    title: 'Выписка из электронного дневника',
    subtitle: `с ${formatDateRu(from)} по ${formatDateRu(to)}`,
    schoolName: school.school_name,
    periodLabel: label,
    orientation: 'portrait',
    body: extractBody(view, { name: student.full_name, className: cls }),
    signatories: [{ position: 'Классный руководитель', name: shortName(student.class_teacher_name) }],
    madeAt,
    timezone: school.timezone,
  };
}
