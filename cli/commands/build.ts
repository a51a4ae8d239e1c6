import type { Command } from 'commander';
import { runModels } from '../../warehouse/run-models';
import { withWarehouse } from '../context';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the SQL models (staging -> core -> marts), for every school or one')
    .option('--school <id>', 'rebuild only this school')
    .option('--select <relations...>', 'only these models and what depends on them')
    .option('--quiet', 'do not print per-model times')
    .action(async (opts: { school?: string; select?: string[]; quiet?: boolean }) => {
      await withWarehouse(async (warehouse) => {
        const started = performance.now();
        const timings = await runModels(warehouse, {
          schoolId: opts.school,
          select: opts.select,
          onModel: (t) => {
            if (!opts.quiet) console.log(`${t.relation.padEnd(40)} ${t.seconds.toFixed(3).padStart(8)} s ${String(t.rows).padStart(10)} rows`);
          },
        });
        console.log(`built ${timings.length} models in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      });
    });
}
