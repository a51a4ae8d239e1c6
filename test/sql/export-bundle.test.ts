// exportBundle writes the spec exactly, and export -> import -> export is byte-identical.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../ingest/bundle/export-bundle';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { baseBundle, exampleBundle, freshWarehouse, tempDir } from '../fixtures/bundles/bundle-fixture';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** import src into a fresh warehouse, export; import that export into another, export again */
async function roundTrip(src: string): Promise<[string, string]> {
  const first = join(tempDir('export-'), 'E1');
  const second = join(tempDir('export-'), 'E1');
  for (const [from, to] of [[src, first], [first, second]] as const) {
    const w = await freshWarehouse();
    try {
      expect((await importBundle(w, from)).status).toBe('applied');
      await exportBundle(w, 'E1', to);
    } finally {
      w.close();
    }
  }
  return [first, second];
}

describe('exportBundle', () => {
  it('renders the spec: local offsets, sorted rows, plain numbers, RFC 4180 quoting, optional files only with rows', async () => {
    const [out] = await roundTrip(baseBundle);
    expect(read(out, 'marks.csv')).toBe([
      'mark_id,lesson_id,student_id,value,work_type,weight,entered_at,entered_by,makeup,comment',
      'EM1,EL3,e1,5,oral,1,2025-09-10T23:30:00+05:00,E-T1,false,',
      'EM2,EL3,e2,4,oral,1,2025-09-11T00:05:00+05:00,E-T1,false,',
      'EM3,EL4,e1,4,control,2,2025-10-20T20:00:00+05:00,E-T1,false,',
      'EM4,EL4,e2,3,control,2,2025-10-21T08:00:00+05:00,E-T1,false,',
      'EM5,EL5,e3,5,written,2,2025-10-24T12:00:00+05:00,E-T2,false,',
      'EM6,EL5,e4,4,written,2,2025-10-25T10:00:00+05:00,E-T2,false,',
      'EM7,EL6,e3,5,oral,1.5,2025-10-20T11:30:00+05:00,E-T1,true,"Устно, ""отлично"""',
      '',
    ].join('\n'));
    expect(read(out, 'curriculum.csv')).toBe('class_id,subject_id,hours_per_year,hours_per_week,student_id\nE-7B,GEO,34,1,\nE-7B,PHY,68,2,\n');
    expect(read(out, 'recommendations.csv')).toBe('recommendation_id,student_id,teacher_id,text,created_at\n'
      + 'RC1,e2,E-T1,"Повторить §2, ""Измерения"";\nрешить задачи 1–3",2025-09-12T16:00:00+05:00\n');
    expect(read(out, 'manifest.csv').split('\n').slice(0, 4)).toEqual(['key,value', 'format,journal-bundle', 'version,1', 'school_id,E1']);
    expect(read(out, 'final_marks.csv')).toContain('\ne3,GEO,Q1,,,,2025-11-20,G-GEO\n');
    expect(read(out, 'lessons.csv')).toContain('\nEL1,G-PHY,2025-09-09,2,08:50,09:35,E-T1,,,held,');
    expect(readdirSync(out).sort()).toEqual(readdirSync(baseBundle).sort());
  });

  it('export -> import -> export is byte-identical (the base fixture)', async () => {
    const [a, b] = await roundTrip(baseBundle);
    for (const f of readdirSync(a)) expect(read(b, f), f).toBe(read(a, f));
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
  });

  it('export -> import -> export is byte-identical (the public example), leaving out empty optional files', async () => {
    const [a, b] = await roundTrip(exampleBundle);
    expect(existsSync(join(a, 'guardians.csv'))).toBe(false);
    expect(read(a, 'attendance.csv')).toBe('lesson_id,student_id,status,entered_at,entered_by\n');
    for (const f of readdirSync(a)) expect(read(b, f), f).toBe(read(a, f));
  });
});
