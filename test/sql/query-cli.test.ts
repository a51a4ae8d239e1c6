import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoZonesWarehouse } from '../fixtures/rules/two-zones';

// `svodka query` and `svodka rules` as a user runs them: a real process on a built warehouse file.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const built = await twoZonesWarehouse();
  dir = built.dir;
  built.warehouse.close(); // one process owns the file: hand it over to the CLI
  env = { ...process.env, SVODKA_DB: join(dir, 'w.duckdb') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const svodka = (...args: string[]) =>
  run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'cli', 'main.ts'), ...args], { env, cwd: root });

describe('svodka query / rules', () => {
  it('prints breaches as CSV with the spec\'s columns', async () => {
    const { stdout } = await svodka('query', 'R-MARK-DAY', '--school', 'S5', '--as-of', '2025-11-05', '--format', 'csv');
    expect(stdout.trim().split('\n')).toEqual([
      'rule_id,school_id,teacher_id,class_id,group_id,subject_id,record_kind,record_id,student_id,due_at,entered_at,late_minutes',
      'R-MARK-DAY,S5,T1,7A,G7A-MATH,MATH,mark,M2,s2,2025-09-10T00:00:00+05:00,2025-09-10T00:01:00+05:00,1',
      'R-MARK-DAY,S5,T1,7B,G7B-MATH,MATH,mark,M8,s3,2025-10-18T00:00:00+05:00,2025-10-18T10:00:00+05:00,600',
    ]);
  });

  it('prints JSON numbers and nulls; a rule with no breach prints []', async () => {
    const { stdout } = await svodka('query', 'R-ATTENDANCE', '--teacher', 'T1', '--as-of', '2025-11-05');
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ record_id: 'L5', entered_at: null, late_minutes: null })]);
    expect(JSON.parse((await svodka('query', 'R-ARCHIVE', '--as-of', '2025-11-05')).stdout)).toEqual([]);
  });

  it('rejects a bad parameter value with a Russian message and exit code 2', async () => {
    const failed = await svodka('rules', 'set', '--school', 'S5', '--rule', 'R-HOMEWORK', '--param', 'minutes_after_last_lesson',
      '--value', 'много', '--from', '2025-10-01').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('Недопустимое значение «много» параметра minutes_after_last_lesson');
  });
});
