import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const layers = ['staging', 'core', 'marts'] as const;
export type Layer = (typeof layers)[number];

export interface Model {
  /** schema-qualified relation name, e.g. `marts.r_mark_day` */
  relation: string;
  layer: Layer;
  name: string;
  sql: string;
  dependsOn: string[];
}

const modelsDir = join(import.meta.dirname, 'models');
const refPattern = /\b(staging|core|marts)\.([a-z0-9_]+)\b/g;

/** Every model in warehouse/models/<layer>/<name>.sql, in dependency order. */
export function loadModels(dir = modelsDir): Model[] {
  const models = new Map<string, Model>();
  for (const layer of layers) {
    let files: string[] = [];
    try {
      files = readdirSync(join(dir, layer)).filter((f) => f.endsWith('.sql')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const name = file.slice(0, -4);
      const sql = readFileSync(join(dir, layer, file), 'utf8').trim().replace(/;\s*$/, '');
      const relation = `${layer}.${name}`;
      const deps = new Set<string>();
      for (const m of sql.replace(/--[^\n]*/g, '').matchAll(refPattern)) deps.add(`${m[1]}.${m[2]}`);
      deps.delete(relation);
      models.set(relation, { relation, layer, name, sql, dependsOn: [...deps] });
    }
  }
  return topoSort(models);
}

function topoSort(models: Map<string, Model>): Model[] {
  const order: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (relation: string, path: string[]) => {
    const model = models.get(relation);
    if (!model) throw new Error(`model ${path.at(-1)} refers to ${relation}, which has no .sql file`);
    if (state.get(relation) === 'done') return;
    if (state.get(relation) === 'visiting') throw new Error(`model cycle: ${[...path, relation].join(' -> ')}`);
    state.set(relation, 'visiting');
    for (const dep of model.dependsOn) visit(dep, [...path, relation]);
    state.set(relation, 'done');
    order.push(model);
  };
  for (const relation of [...models.keys()].sort()) visit(relation, []);
  return order;
}
