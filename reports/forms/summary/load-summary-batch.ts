import { NotFound } from '../../../common/errors';
import type { Warehouse } from '../../../warehouse/open-warehouse';
import type { FormDocument } from '../../html/form-document';
import { queryRows } from '../../query-rows';
import type { FormRequest } from '../form-request';
import { loadPeriods, loadSchool, requireParam, type ClassHeader } from '../school-context';
import { summaryDocument } from './load-summary';
import type { SummaryInput } from './summary-view';

type ByClass<T> = T & { class_id: string };

function groupByClass<T extends { class_id: string }>(rows: T[]): Map<string, Omit<T, 'class_id'>[]> {
  const out = new Map<string, Omit<T, 'class_id'>[]>();
  for (const { class_id, ...rest } of rows) {
    let list = out.get(class_id);
    if (!list) out.set(class_id, (list = []));
    list.push(rest);
  }
  return out;
}

/**
 * F-SUMMARY of many classes of one school and period: the school's rows are read in one pass (4
 * queries) instead of 6 queries per class; each page is the same as buildSummaryForm's.
 * Every request must name the same school, period and year.
 */
export async function buildSummaryForms(warehouse: Warehouse, reqs: FormRequest[], madeAt: Date): Promise<FormDocument[]> {
  if (!reqs.length) return [];
  const school = await loadSchool(warehouse, reqs[0]!, 'F-SUMMARY');
  const { periods, from, to, label } = await loadPeriods(warehouse, school, reqs[0]!.period);
  const p = { school: school.school_id, from, to };
  const classes = new Map((await queryRows<ClassHeader>(warehouse, 'school-class-headers', p)).map((c) => [c.class_id, c]));
  const students = groupByClass(await queryRows<ByClass<SummaryInput['students'][number]>>(warehouse, 'school-class-students', p));
  const subjects = groupByClass(await queryRows<ByClass<SummaryInput['subjects'][number]>>(warehouse, 'school-class-subjects', p));
  const finals = groupByClass(await queryRows<ByClass<SummaryInput['finals'][number]>>(warehouse, 'school-class-finals', p));
  return reqs.map((req) => {
    const id = requireParam(req.class, 'class', 'F-SUMMARY');
    const cls = classes.get(id);
    if (!cls) throw new NotFound('class_not_found', `Класс «${id}» не найден в школе «${school.school_id}»`, `class ${id} not found in ${school.school_id}`);
    const input: SummaryInput = { periods, students: students.get(id) ?? [], subjects: subjects.get(id) ?? [], finals: finals.get(id) ?? [] };
    return summaryDocument(school, cls, label, input, madeAt);
  });
}
