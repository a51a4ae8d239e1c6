// THE acceptance test of the demo generator: for generated schools, every rule's breach count from the
// marts (through the same query layer as `svodka query`) equals the school's violations.json exactly.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../common/metric-ids';
import { generateDistrict, type DistrictResult } from '../../ingest/demo/generate-district';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { queryMetric } from '../../warehouse/query-metric';
import { runModels } from '../../warehouse/run-models';

describe('demo ground truth against the rule marts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-acc-'));
  let w: Warehouse;
  let district: DistrictResult;

  beforeAll(async () => {
    // two small schools in different zones (Moscow +03:00, Yekaterinburg +05:00), raised rates so that
    // every rule has breaches to count, and a third in Vladivostok (+10:00)
    district = generateDistrict({
      schools: 2, seed: 11, outDir: join(dir, 'out'), students: 40,
      rates: { setupLate: 0.4, setupMissing: 0.2, finalsLockEdit: 0.01, finalMissing: 0.02, finalDeferred: 0.02 },
    });
    // a third school with every rate at 0: records not injected as violations must be compliant
    const zero = { markLate: 0, homeworkLate: 0, attendanceMissing: 0, attendanceLate: 0, topicMissing: 0, topicLate: 0,
      lessonUnrecorded: 0, substitutionMissing: 0, substitutionLate: 0, controlWorkLate: 0, writtenWorkLate: 0, finalMissing: 0,
      finalEarly: 0, finalLate: 0, finalDeferred: 0, finalsLockEdit: 0, setupLate: 0, setupMissing: 0 };
    const clean = generateDistrict({ schools: 1, firstSchool: 3, seed: 11, outDir: join(dir, 'out'), students: 40, rates: zero });
    expect(Object.values(clean.schools[0]!.violations).every((n) => n === 0)).toBe(true);
    district.schools.push(...clean.schools);
    w = await openWarehouse(join(dir, 'w.duckdb'));
    for (const s of district.schools) {
      const report = await importBundle(w, s.dir);
      expect(report.status, JSON.stringify(report).slice(0, 2000)).toBe('applied');
    }
    await runModels(w);
  });
  afterAll(() => w?.close());

  it('violations.json lists every R-* rule', () => {
    for (const s of district.schools) {
      const json = JSON.parse(readFileSync(join(s.dir, 'violations.json'), 'utf8')) as Record<string, number>;
      expect(Object.keys(json)).toEqual([...ruleIds]);
      expect(json).toEqual(s.violations);
    }
  });

  for (const rule of ruleIds)
    it(`${rule}: the mart reports exactly the generated breaches`, async () => {
      for (const s of district.schools) {
        const rows = await queryMetric(w, rule, { school: s.schoolId, asOf: '2026-05-29' });
        expect({ school: s.schoolId, rule, breaches: rows.length }).toEqual({ school: s.schoolId, rule, breaches: s.violations[rule] });
      }
    });

  it('the injected rates give breaches for every deadline rule that can have them by the year end', () => {
    const total = (rule: (typeof ruleIds)[number]) => district.schools.reduce((a, s) => a + s.violations[rule], 0);
    for (const rule of ruleIds.filter((r) => r !== 'R-ARCHIVE')) expect(total(rule), rule).toBeGreaterThan(0);
    // the archive is due 30 June, after the year's end
    expect(total('R-ARCHIVE')).toBe(0);
  });
});
