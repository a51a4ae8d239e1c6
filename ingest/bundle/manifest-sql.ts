// Manifest checks and the raw.schools row, generated from `manifestKeys` of common/bundle-spec.ts
// (same rules as bundle-sql.ts: identifiers from the spec only, values bound).
import { manifestKeys } from '../../common/bundle-spec';
import { type Check, type ColumnMap, type ListParams, checksSelect, colExpr, ident, sqlType, stageTable, typeChecks, type Stmt } from './bundle-sql';

const notInRaw = new Set(['format', 'version']);

const valueOf = (map: ColumnMap, key: string): string =>
  `(case when ${colExpr(map, 'key')} = '${key}' then ${colExpr(map, 'value')} end)`;

/** Unknown keys, and the type of each known key's value; reported under the key's name. */
export function manifestChecksSelect(map: ColumnMap, lists: ListParams): string {
  const param = (v: readonly string[]) => lists.add(v);
  const known = lists.add(manifestKeys.map((k) => k.name), 'keys');
  const checks: Check[] = [{ column: 'key', code: 'unknown_key', cond: `${colExpr(map, 'key')} is not null and not list_contains(${known}, ${colExpr(map, 'key')})`, value: colExpr(map, 'key') }];
  for (const k of manifestKeys) {
    const x = valueOf(map, k.name);
    checks.push(...typeChecks(k.name, x, k.type, param));
    if (k.name === 'timezone') {
      checks.push({ column: k.name, code: 'bad_timezone', cond: `${x} is not null and ${x} not in (select name from pg_timezone_names())`, value: x });
    }
  }
  return checksSelect('manifest', checks)!;
}

/** The school's row of raw.schools from the manifest's key/value rows. */
export function schoolInsertStmt(map: ColumnMap): Stmt {
  const keys = manifestKeys.filter((k) => !notInRaw.has(k.name));
  const values = keys.map((k) => {
    const v = `cast(max(${valueOf(map, k.name)}) as ${sqlType(k.type)})`;
    return k.name === 'mark_scale' ? `coalesce(${v}, 'five_point')` : v;
  });
  return {
    sql: `insert into raw.schools (${keys.map((k) => ident(k.name)).join(', ')}) select ${values.join(', ')} from ${stageTable('manifest')}`,
    params: {},
  };
}

/** key/value of the manifest's rows (first value of a repeated key). */
export function manifestValuesStmt(map: ColumnMap): Stmt {
  return {
    sql: `select ${colExpr(map, 'key')} as key, first(${colExpr(map, 'value')} order by rowid) as value from ${stageTable('manifest')}
      where ${colExpr(map, 'key')} is not null and ${colExpr(map, 'value')} is not null group by 1`,
    params: {},
  };
}
