import type { AccessDeclaration } from '../../../api/access';
import type { AllowedScope, MetricRow } from '../../../warehouse/query-metric';
import type { Warehouse } from '../../../warehouse/open-warehouse';
import type { Orientation } from '../../html/form-document';
import type { FormRequest } from '../form-request';

export interface SectionContext {
  warehouse: Warehouse;
  req: FormRequest;
  /** the schools the form covers (one, or a district's) */
  schools: string[];
  allowed: AllowedScope;
}

export interface MetricSectionSpec {
  heading: string;
  columns: string[];
  /** headers that differ from the usual ones in this section */
  labels?: Record<string, string>;
  /** rows, or null when this installation has no query for the metric yet */
  load(ctx: SectionContext): Promise<MetricRow[] | null>;
  /** an optional chart above the table */
  chart?: (rows: MetricRow[], names: Map<string, string>) => string | null;
}

export interface MetricFormSpec {
  id: string;
  title: string;
  orientation: Orientation;
  access: AccessDeclaration;
  /** the form is made for a district (header = district) instead of one school */
  district?: boolean;
  needs?: ('class' | 'student')[];
  signatories: string[];
  sections: MetricSectionSpec[];
}
