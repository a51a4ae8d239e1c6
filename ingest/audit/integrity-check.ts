import type { Warehouse } from '../../warehouse/open-warehouse';

/** One finding of an integrity check: Russian for people, English for logs. */
export interface IntegrityProblem {
  message: string;
  logMessage: string;
  /** the audit link concerned, if any */
  seq?: number;
}

export interface CheckResult {
  name: string;
  title: string;
  ok: boolean;
  checked: number;
  /** the first problems found (the first one is the first broken link) */
  problems: IntegrityProblem[];
}

/**
 * A check `svodka verify` and GET /api/v1/admin/audit/verify run. Checks are a list so that other
 * rooms add theirs (the PDF archive check lives in reports/archive/verify-archive.ts).
 */
export interface IntegrityCheck {
  name: string;
  title: string;
  run(warehouse: Warehouse): Promise<Omit<CheckResult, 'name' | 'title'>>;
}

export async function runIntegrityChecks(warehouse: Warehouse, checks: IntegrityCheck[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push({ name: check.name, title: check.title, ...(await check.run(warehouse)) });
  return results;
}
