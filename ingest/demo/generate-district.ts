// `svodka demo`: N demo schools, one bundle folder per school (DIR/<school_id>/) with violations.json,
// the ground truth of every R-* rule as of the year's end, beside the CSV files. Same seed, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIds } from '../../common/metric-ids';
import { bundleRows } from './bundle-rows';
import { defaultRates, type DemoRates } from './demo-rates';
import { generateSchool, schoolSteps } from './generate-school';
import { countViolations, type Violations } from './ground-truth';
import { at } from './local-time';
import { createRng } from './prng';
import { writeBundle } from './write-csv';

export interface DistrictOptions {
  schools: number;
  seed: number;
  outDir: string;
  /** `2025/2026` by default */
  year?: string;
  /** students per school, ~1000 by default */
  students?: number;
  rates?: Partial<DemoRates>;
  /** number of the first school (S01 by default), to add schools to a district generated before */
  firstSchool?: number;
  /** called as the work advances: (steps done, steps in all, school id) */
  onProgress?: (done: number, total: number, schoolId: string) => void;
}

export interface DistrictResult { schools: { schoolId: string; dir: string; counts: Record<string, number>; violations: Violations }[] }

export function generateDistrict(o: DistrictOptions): DistrictResult {
  const rates = { ...defaultRates, ...o.rates };
  const result: DistrictResult = { schools: [] };
  mkdirSync(o.outDir, { recursive: true });
  const first = o.firstSchool ?? 1;
  const perSchool = schoolSteps + 1;
  let done = 0;
  for (let i = first; i < first + o.schools; i++) {
    const school = generateSchool(createRng(`svodka-demo:${o.seed}:${i}`), {
      index: i, academicYear: o.year ?? '2025/2026', students: o.students ?? 1000, rates, districtId: `DEMO-${o.seed}`,
      onStep: () => o.onProgress?.(++done, o.schools * perSchool, `S${String(i).padStart(2, '0')}`),
    });
    const dir = join(o.outDir, school.schoolId);
    mkdirSync(dir, { recursive: true });
    const counts = writeBundle(dir, bundleRows(school, at(school.calendar.endsOn + 14, 12 * 60)));
    const violations = countViolations(school);
    const ordered = Object.fromEntries(ruleIds.map((id) => [id, violations[id]]));
    writeFileSync(join(dir, 'violations.json'), `${JSON.stringify(ordered, null, 2)}\n`);
    result.schools.push({ schoolId: school.schoolId, dir, counts, violations });
    o.onProgress?.(++done, o.schools * perSchool, school.schoolId);
  }
  return result;
}
