import type { Command } from 'commander';
import { runModels } from '../../warehouse/run-models';
import { listRuleParams, ruleParamDefs, setRuleParam } from '../../warehouse/rule-params';
import { withWarehouse } from '../context';
import { printRows } from './print-rows';

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('rule and metric parameters (config.rule_params)');
  rules
    .command('list')
    .description('list parameter values: defaults (*) and a school\'s own, with their start dates')
    .option('--school <id>', 'only this school (and the defaults)')
    .option('--rule <id>', 'only this rule or metric')
    .option('--defs', 'list the known parameters with their types instead')
    .option('--format <format>', 'json, csv or table', 'table')
    .action(async (opts: { school?: string; rule?: string; defs?: boolean; format: string }) => {
      await withWarehouse(async (w) => {
        printRows(opts.defs ? (await ruleParamDefs(w)) as unknown as Record<string, unknown>[] : await listRuleParams(w, opts.school, opts.rule), opts.format);
      });
    });
  rules
    .command('set')
    .description('set a parameter for a school from a date on (never rewrites the past), then rebuild its marts')
    .requiredOption('--school <id>', 'school id, or * for the default of every school')
    .requiredOption('--rule <id>', 'rule or metric id, e.g. R-HOMEWORK')
    .requiredOption('--param <name>', 'parameter name, e.g. minutes_after_last_lesson')
    .requiredOption('--value <value>', 'new value')
    .requiredOption('--from <date>', 'YYYY-MM-DD from which it applies')
    .option('--no-build', 'do not rebuild the models afterwards')
    .action(async (opts: { school: string; rule: string; param: string; value: string; from: string; build: boolean }) => {
      await withWarehouse(async (w) => {
        await setRuleParam(w, { school: opts.school, rule: opts.rule, param: opts.param, value: opts.value, from: opts.from, setBy: 'cli' });
        console.log(`${opts.rule}.${opts.param} = ${opts.value} для ${opts.school} с ${opts.from}`);
        if (opts.build) {
          await runModels(w, { schoolId: opts.school === '*' ? undefined : opts.school });
          console.log('витрины пересобраны');
        }
      });
    });
}
