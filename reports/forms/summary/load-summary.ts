import type { Warehouse } from '../../../warehouse/open-warehouse';
import type { FormDocument } from '../../html/form-document';
import { queryRows } from '../../query-rows';
import type { FormRequest } from '../form-request';
import { className, loadClass, loadPeriods, loadSchool, shortName, type ClassHeader, type SchoolHeader } from '../school-context';
import { summaryBody } from './summary-template';
import { summaryView, type SummaryInput } from './summary-view';

/** F-SUMMARY: сводная ведомость итоговых отметок of one class (all periods, or one). */
export async function buildSummaryForm(warehouse: Warehouse, req: FormRequest, madeAt: Date): Promise<FormDocument> {
  const school = await loadSchool(warehouse, req, 'F-SUMMARY');
  const cls = await loadClass(warehouse, school.school_id, req, 'F-SUMMARY');
  const { periods, from, to, label } = await loadPeriods(warehouse, school, req.period);
  const p = { school: school.school_id, class: cls.class_id, from, to };
  const input: SummaryInput = {
    periods,
    students: await queryRows(warehouse, 'class-students', p),
    subjects: await queryRows(warehouse, 'class-subjects', p),
    finals: await queryRows(warehouse, 'class-finals', p),
  };
  return summaryDocument(school, cls, label, input, madeAt);
}

/** The F-SUMMARY page of one class from its loaded rows (shared by the single form and the batch). */
export function summaryDocument(school: SchoolHeader, cls: ClassHeader, periodLabel: string, input: SummaryInput, madeAt: Date): FormDocument {
  return {
    formId: 'F-SUMMARY',
    title: 'Сводная ведомость итоговых отметок',
    subtitle: `${className(cls)} класс · классный руководитель ${shortName(cls.class_teacher_name)}`,
    schoolName: school.school_name,
    periodLabel,
    orientation: 'landscape',
    body: summaryBody(summaryView(input)),
    signatories: [
      { position: 'Директор', name: shortName(school.director_name) },
      { position: 'Классный руководитель', name: shortName(cls.class_teacher_name) },
    ],
    madeAt,
    timezone: school.timezone,
  };
}
