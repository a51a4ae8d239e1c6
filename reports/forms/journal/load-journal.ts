import type { Warehouse } from '../../../warehouse/open-warehouse';
import type { FormDocument } from '../../html/form-document';
import { queryRows } from '../../query-rows';
import type { FormRequest } from '../form-request';
import { className, loadClass, loadPeriods, loadSchool, shortName } from '../school-context';
import { journalBody } from './journal-template';
import { journalView, type JournalInput } from './journal-view';

/** F-JOURNAL: the printed class journal for the year (or one period). */
export async function buildJournalForm(warehouse: Warehouse, req: FormRequest, madeAt: Date): Promise<FormDocument> {
  const school = await loadSchool(warehouse, req, 'F-JOURNAL');
  const cls = await loadClass(warehouse, school.school_id, req, 'F-JOURNAL');
  const { from, to, label } = await loadPeriods(warehouse, school, req.period);
  const p = { school: school.school_id, class: cls.class_id, from, to };
  const input: JournalInput = {
    groups: await queryRows(warehouse, 'class-groups', p),
    students: await queryRows(warehouse, 'class-students', p),
    lessons: await queryRows(warehouse, 'class-lessons', p),
    entries: await queryRows(warehouse, 'class-marks', p),
  };
  return {
    formId: 'F-JOURNAL',
    title: 'Классный журнал',
    subtitle: `${className(cls)} класс · классный руководитель ${shortName(cls.class_teacher_name)}`,
    schoolName: school.school_name,
    periodLabel: label,
    orientation: 'landscape',
    body: journalBody(journalView(input)),
    signatories: [{ position: 'Директор', name: shortName(school.director_name) }],
    madeAt,
    timezone: school.timezone,
  };
}
