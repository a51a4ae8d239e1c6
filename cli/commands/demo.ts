import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ValidationError } from '../../common/errors';
import { parseRates } from '../../ingest/demo/demo-rates';
import { generateDistrict } from '../../ingest/demo/generate-district';
import { parseAcademicYear } from '../../ingest/demo/school-calendar';

const positiveInt = (name: string, text: string, min: number): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new ValidationError('bad_option', `${name}: ожидается целое число не меньше ${min}, получено «${text}»`, `${name} must be an integer >= ${min}, got "${text}"`);
  return n;
};

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('write N realistic synthetic school bundles (DIR/<school_id>/) with violations.json, the ground truth of every rule')
    .requiredOption('--out <dir>', 'output folder')
    .option('--schools <n>', 'number of schools', '1')
    .option('--seed <s>', 'seed: the same seed gives byte-identical bundles', '1')
    .option('--year <year>', 'academic year', '2025/2026')
    .option('--students <n>', 'students per school (about 25 per class)', '1000')
    .option('--rates <json>', 'violation rates overriding the defaults, e.g. \'{"markLate":0.05}\'')
    .action((opts: { out: string; schools: string; seed: string; year: string; students: string; rates?: string }) => {
      const schools = positiveInt('--schools', opts.schools, 1);
      const seed = positiveInt('--seed', opts.seed, 0);
      const students = positiveInt('--students', opts.students, 4);
      try {
        parseAcademicYear(opts.year);
      } catch {
        throw new ValidationError('bad_option', `--year: ожидается учебный год вида 2025/2026, получено «${opts.year}»`, `bad --year ${opts.year}`);
      }
      const rates = parseRates(opts.rates);
      const bar = new SingleBar({ format: 'demo [{bar}] {percentage}% {school} ({schools} schools)', stream: process.stderr, hideCursor: true });
      bar.start(1, 0, { school: '', schools });
      const result = generateDistrict({
        schools, seed, outDir: opts.out, year: opts.year, students, rates,
        onProgress: (done, total, school) => { bar.setTotal(total); bar.update(done, { school, schools }); },
      });
      bar.stop();
      for (const s of result.schools) {
        const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
        const breaches = Object.values(s.violations).reduce((a, b) => a + b, 0);
        console.log(`${s.dir}: ${rows} rows, ${breaches} injected breaches (violations.json)`);
      }
    });
}
