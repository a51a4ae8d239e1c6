import type { DuckDBValue } from '@duckdb/node-api';
import { NotFound, ValidationError } from '../common/errors';
import type { Warehouse } from './open-warehouse';
import { sqlFile } from './sql-file';

export interface RuleParamDef {
  rule_id: string;
  param: string;
  value_type: 'int' | 'bool' | 'month_day' | 'enum' | 'list';
  min_value: number | null;
  max_value: number | null;
  allowed: string[] | null;
  description: string;
}

export interface RuleParamChange {
  school: string;
  rule: string;
  param: string;
  value: string;
  from: string;
  setBy?: string;
}

async function run(w: Warehouse, name: string, params: Record<string, DuckDBValue> = {}) {
  return w.withConnection(async (c) => (await c.runAndReadAll(sqlFile(`rules/${name}`), params)).getRowObjectsJson());
}

export async function ruleParamDefs(w: Warehouse): Promise<RuleParamDef[]> {
  return (await run(w, 'defs')) as unknown as RuleParamDef[];
}

export async function listRuleParams(w: Warehouse, school?: string, rule?: string) {
  return run(w, 'list', { school: school ?? null, rule: rule ?? null });
}

/** Checks a value against its definition; returns the normalised text or throws a Russian ValidationError. */
export function checkParamValue(def: RuleParamDef, raw: string): string {
  const bad = (why: string) => new ValidationError('bad_param_value',
    `Недопустимое значение «${raw}» параметра ${def.param} правила ${def.rule_id}: ${why}`,
    `bad value ${raw} for ${def.rule_id}.${def.param}: ${def.value_type}`);
  const v = raw.trim();
  switch (def.value_type) {
    case 'int': {
      if (!/^-?\d+$/.test(v)) throw bad('ожидается целое число');
      const n = Number(v);
      if ((def.min_value !== null && n < def.min_value) || (def.max_value !== null && n > def.max_value)) {
        throw bad(`ожидается число от ${def.min_value} до ${def.max_value}`);
      }
      return String(n);
    }
    case 'bool':
      if (!['true', 'false'].includes(v)) throw bad('ожидается true или false');
      return v;
    case 'month_day': {
      const m = /^(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(Date.UTC(2024, Number(m[1]) - 1, Number(m[2]))) : null;
      if (!m || !d || d.getUTCMonth() !== Number(m[1]) - 1) throw bad('ожидается дата в формате ММ-ДД');
      return v;
    }
    case 'enum':
      if (!def.allowed?.includes(v)) throw bad(`ожидается одно из: ${def.allowed?.join(', ')}`);
      return v;
    case 'list': {
      const items = v.split(',').map((s) => s.trim()).filter(Boolean);
      const wrong = items.filter((s) => !def.allowed?.includes(s));
      if (wrong.length) throw bad(`неизвестные значения ${wrong.join(', ')}; допустимы: ${def.allowed?.join(', ')}`);
      return items.join(',');
    }
  }
}

/** Validates and stores a parameter change for a school ('*' = the default) from a date on. */
export async function setRuleParam(w: Warehouse, change: RuleParamChange): Promise<void> {
  const defs = await ruleParamDefs(w);
  const ofRule = defs.filter((d) => d.rule_id === change.rule);
  if (ofRule.length === 0) {
    const rules = [...new Set(defs.map((d) => d.rule_id))].join(', ');
    throw new ValidationError('unknown_rule', `Неизвестное правило «${change.rule}». Параметры есть у: ${rules}`, `unknown rule ${change.rule}`);
  }
  const def = ofRule.find((d) => d.param === change.param);
  if (!def) {
    throw new ValidationError('unknown_param', `У правила ${change.rule} нет параметра «${change.param}». Есть: ${ofRule.map((d) => d.param).join(', ')}`,
      `unknown param ${change.rule}.${change.param}`);
  }
  const value = checkParamValue(def, change.value);
  if (!isIsoDate(change.from)) {
    throw new ValidationError('bad_date', `Дата начала действия «${change.from}» должна быть в формате ГГГГ-ММ-ДД`, `bad effective_from ${change.from}`);
  }
  if (change.school !== '*') {
    const [row] = await run(w, 'school-exists', { school: change.school });
    if (!row || Number(row.n) === 0) throw new NotFound('unknown_school', `Школа «${change.school}» не найдена`, `unknown school ${change.school}`);
  }
  await w.withConnection(async (c) => {
    await c.run(sqlFile('rules/upsert'), { school: change.school, rule: change.rule, param: change.param, value,
      effective_from: change.from, set_by: change.setBy ?? null });
  });
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
