import { NotFound, ValidationError } from '../../common/errors';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryRows } from '../query-rows';
import type { FormRequest } from './form-request';

export interface SchoolHeader {
  school_id: string;
  school_name: string;
  district_id: string | null;
  district_name: string | null;
  timezone: string;
  academic_year: string;
  year_starts_on: string;
  year_ends_on: string;
  mark_scale: string;
  director_name: string | null;
}

export interface PeriodRow {
  period_id: string;
  name: string;
  kind: string;
  starts_on: string;
  ends_on: string;
}

export interface ClassHeader {
  class_id: string;
  grade: number;
  letter: string;
  profile: string | null;
  class_teacher_id: string;
  class_teacher_name: string | null;
}

export function requireParam(value: string | undefined, flag: string, formId: string): string {
  if (!value) throw new ValidationError('missing_param', `Для формы ${formId} укажите параметр «${flag}»`, `${formId} needs --${flag}`);
  return value;
}

export async function loadSchool(warehouse: Warehouse, req: FormRequest, formId: string): Promise<SchoolHeader> {
  const school = requireParam(req.school, 'school', formId);
  const [row] = await queryRows<SchoolHeader>(warehouse, 'school-header', { school });
  if (!row) throw new NotFound('school_not_found', `Школа «${school}» не найдена`, `school ${school} not found`);
  if (req.year && req.year !== row.academic_year) {
    throw new NotFound('year_not_found', `У школы «${school}» нет данных за ${req.year} учебный год (есть ${row.academic_year})`, `school ${school} has no year ${req.year}`);
  }
  return row;
}

export async function loadClass(warehouse: Warehouse, school: string, req: FormRequest, formId: string): Promise<ClassHeader> {
  const cls = requireParam(req.class, 'class', formId);
  const [row] = await queryRows<ClassHeader>(warehouse, 'class-header', { school, class: cls });
  if (!row) throw new NotFound('class_not_found', `Класс «${cls}» не найден в школе «${school}»`, `class ${cls} not found in ${school}`);
  return row;
}

/** The periods to report and the date range they cover: one period when asked, else the whole year. */
export async function loadPeriods(warehouse: Warehouse, school: SchoolHeader, periodId: string | undefined) {
  const all = await queryRows<PeriodRow>(warehouse, 'periods', { school: school.school_id });
  if (!periodId) return { periods: all, from: school.year_starts_on, to: school.year_ends_on, label: `${school.academic_year} учебный год` };
  const p = all.find((x) => x.period_id === periodId);
  if (!p) throw new NotFound('period_not_found', `Период «${periodId}» не найден в школе «${school.school_id}»`, `period ${periodId} not found`);
  return { periods: [p], from: p.starts_on, to: p.ends_on, label: `${school.academic_year} учебный год, ${p.name}` };
}

export const className = (c: Pick<ClassHeader, 'grade' | 'letter'>): string => `${c.grade}${c.letter}`;

/** «Шилов Антон Сергеевич» -> «Шилов А. С.» */
export function shortName(full: string | null | undefined): string {
  if (!full) return '';
  const [last, ...rest] = full.trim().split(/\s+/);
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ');
}
