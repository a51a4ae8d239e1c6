import type { AccessDeclaration } from '../../api/access';
import type { AllowedScope } from '../../warehouse/query-metric';
import type { Warehouse } from '../../warehouse/open-warehouse';
import type { FormDocument } from '../html/form-document';
import { buildExtractForm } from './extract/load-extract';
import type { FormRequest } from './form-request';
import { buildJournalForm } from './journal/load-journal';
import { metricForms } from './metric-forms';
import { buildSummaryForm } from './summary/load-summary';
import { buildSummaryForms } from './summary/load-summary-batch';

export const formIds = ['F-SUMMARY', 'F-JOURNAL', 'F-COMPLIANCE', 'F-VSHK', 'F-MISSED', 'F-UNSAT', 'F-PLAN', 'F-PASS', 'F-EXTRACT', 'F-DISTRICT'] as const;
export type FormId = (typeof formIds)[number];
export const isFormId = (id: string): id is FormId => (formIds as readonly string[]).includes(id);

export type FormScope = AllowedScope & { aggregatesOnly?: boolean };

export interface FormDefinition {
  id: FormId;
  /** `allowed`: the api caller's scope (queries filter by it); absent = CLI, unrestricted */
  build(warehouse: Warehouse, req: FormRequest, madeAt: Date, allowed?: FormScope): Promise<FormDocument>;
  /** the same pages for many requests of one school, period and year, reading the school's rows once */
  buildBatch?(warehouse: Warehouse, reqs: FormRequest[], madeAt: Date): Promise<FormDocument[]>;
  /** who may ask for it over the api (spec "Official forms", column "who") */
  access: AccessDeclaration;
  /** years an archived copy is kept: 25 for the summary sheet, 5 otherwise (journal: regulation cl. 16) */
  retentionYears: number;
}

export const forms: Record<FormId, FormDefinition> = {
  'F-SUMMARY': { id: 'F-SUMMARY', build: buildSummaryForm, buildBatch: buildSummaryForms, access: { roles: ['director', 'deputy', 'admin'], scope: 'class' }, retentionYears: 25 },
  'F-JOURNAL': { id: 'F-JOURNAL', build: buildJournalForm, access: { roles: ['director', 'deputy', 'admin'], scope: 'class' }, retentionYears: 5 },
  'F-EXTRACT': { id: 'F-EXTRACT', build: buildExtractForm, access: { roles: ['class_teacher'], scope: 'student' }, retentionYears: 5 },
  ...metricForms,
};
