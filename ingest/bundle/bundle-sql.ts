// The one module that builds SQL text in TypeScript (docs/decisions.md): the import's staging,
// validation and insert statements are generated from common/bundle-spec.ts. Identifiers come only
// from the spec (header names are mapped to positional columns c0, c1, …); every value is bound.
import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { BundleFileName, ColumnSpec, ColumnType, FileSpec } from '../../common/bundle-spec';

export interface Stmt {
  sql: string;
  params: Record<string, DuckDBValue>;
  types?: Record<string, DuckDBType>;
}

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const stageTable = (file: BundleFileName): string => `bundle_${file}`;

/** spec column -> expression over the staged table (a positional column, or null when absent) */
export type ColumnMap = ReadonlyMap<string, number>;
export const colExpr = (map: ColumnMap, column: string, alias = ''): string => {
  const i = map.get(column);
  return i === undefined ? 'cast(null as varchar)' : `${alias}c${i}`;
};

export function readCsvStmt(file: BundleFileName, width: number, path: string): Stmt {
  const cols = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return {
    sql: `create or replace temp table ${stageTable(file)} as select * from read_csv($path, header = true, all_varchar = true,
      auto_detect = false, columns = {${cols}}, delim = ',', quote = '"', escape = '"', null_padding = false,
      store_rejects = true, rejects_table = 'bundle_rej_${file}', rejects_scan = 'bundle_rejscan_${file}')`,
    params: { path },
  };
}

const malformedCode = `case error_type when 'INVALID ENCODING' then 'bad_encoding' when 'MISSING COLUMNS' then 'wrong_column_count'
  when 'TOO MANY COLUMNS' then 'wrong_column_count' when 'UNQUOTED VALUE' then 'bad_quoting' else 'malformed_row' end`;

/** The records DuckDB's reader dropped (its rejects tables) into bundle_rejects, one per record. */
export function malformedInsert(files: BundleFileName[]): Stmt {
  const all = files.map((f) => `select '${f}' as file, * from bundle_rej_${f}`).join(' union all ');
  return {
    sql: `insert into bundle_rejects (file, rid, col, code, val, byte_pos, detail)
      select file, null, column_name, code, null, line_byte_position, error_message from (
        select *, ${malformedCode} as code from (${all}))
      -- DuckDB may report a quoting error twice (also as an encoding error)
      qualify row_number() over (partition by file, line_byte_position order by list_position($priority, code)) = 1`,
    params: { priority: listValue(['bad_quoting', 'wrong_column_count', 'bad_encoding', 'malformed_row']) },
    types: { priority: LIST(VARCHAR) },
  };
}

export const stagedCountsSelect = (files: BundleFileName[]): string =>
  files.map((f) => `select '${f}' as file, count(*)::integer as n from ${stageTable(f)}`).join(' union all ');

export const deleteSchoolStmt = (table: string): string => `delete from raw.${ident(table)} where school_id = $school`;

export const sqlType = (t: ColumnType): string =>
  ({ date: 'date', time: 'time', timestamp: 'timestamptz', int: 'integer', number: 'double', bool: 'boolean' } as Record<string, string>)[t.kind] ?? 'varchar';

const TS_LOCAL = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?`;
const TS_OFFSET = String.raw`(Z|[+-]\d{2}(:?\d{2})?)`;

export interface Check {
  column: string; code: string; cond: string; value: string;
  /** the row filter's share of this check: default `cond`; null = covered by another check's */
  where?: string | null;
}

/** The conditions under which a cell of this type is wrong (x is the cell's SQL expression). */
export function typeChecks(column: string, x: string, type: ColumnType, param: (values: readonly string[]) => string): Check[] {
  const c = (code: string, cond: string): Check => ({ column, code, cond: `${x} is not null and ${cond}`, value: x });
  switch (type.kind) {
    case 'date':
      return [c('bad_date', String.raw`(not regexp_full_match(${x}, '\d{4}-\d{2}-\d{2}') or try_cast(${x} as date) is null)`)];
    case 'time':
      return [c('bad_time', String.raw`not regexp_full_match(${x}, '([01]\d|2[0-3]):[0-5]\d')`)];
    case 'timestamp':
      // valid rows pay for one regex and one cast (the row filter); failures are then told apart
      return [
        { ...c('timestamp_without_offset', `regexp_full_match(${x}, '${TS_LOCAL}')`),
          where: `${x} is not null and (not regexp_full_match(${x}, '${TS_LOCAL}${TS_OFFSET}') or try_cast(${x} as timestamptz) is null)` },
        { ...c('bad_timestamp', `not regexp_full_match(${x}, '${TS_LOCAL}') and (not regexp_full_match(${x}, '${TS_LOCAL}${TS_OFFSET}') or try_cast(${x} as timestamptz) is null)`), where: null },
      ];
    case 'int': {
      const range = [type.min !== undefined ? `try_cast(${x} as integer) < ${type.min}` : null, type.max !== undefined ? `try_cast(${x} as integer) > ${type.max}` : null].filter(Boolean);
      return [c('bad_int', String.raw`not regexp_full_match(${x}, '-?\d{1,9}')`), ...(range.length ? [c('out_of_range', `(${range.join(' or ')})`)] : [])];
    }
    case 'number':
      return [c('bad_number', String.raw`not regexp_full_match(${x}, '-?\d{1,12}(\.\d{1,9})?')`),
        ...(type.min !== undefined ? [c('out_of_range', `try_cast(${x} as double) < ${type.min}`)] : [])];
    case 'bool':
      return [c('bad_bool', `${x} not in ('true', 'false')`)];
    case 'enum':
      return type.open ? [] : [c('bad_enum', `not list_contains(${param(type.values)}, ${x})`)];
    case 'mark':
    case 'final_mark':
      return [c('bad_mark', `not list_contains($${type.kind === 'mark' ? 'marks' : 'final_marks'}, ${x})`)];
    default:
      return [];
  }
}

/** Binds string lists as parameters ($e0, $e1, …) of one statement. */
export class ListParams {
  readonly params: Record<string, DuckDBValue> = {};
  readonly types: Record<string, DuckDBType> = {};
  private n = 0;
  add(values: readonly string[], name = `e${this.n++}`): string {
    this.params[name] = listValue([...values]);
    this.types[name] = LIST(VARCHAR);
    return `$${name}`;
  }
}

/** Checks of one file's cells: required values and types (references and keys are separate). */
export function fileChecks(spec: FileSpec, map: ColumnMap, param: (v: readonly string[]) => string): Check[] {
  const x = (col: string) => colExpr(map, col);
  const checks: Check[] = [];
  for (const col of spec.columns) {
    if (col.required) checks.push({ column: col.name, code: 'missing_required', cond: `${x(col.name)} is null`, value: 'cast(null as varchar)' });
    checks.push(...typeChecks(col.name, x(col.name), col.type, param));
  }
  if (spec.file === 'final_marks') {
    // value, entered_at and entered_by are required unless the row only records a deferral
    checks.push({ column: 'value', code: 'missing_final_value', cond: `${x('value')} is null and ${x('deferred_until')} is null`, value: 'cast(null as varchar)' });
    for (const col of ['entered_at', 'entered_by']) {
      checks.push({ column: col, code: 'missing_required', cond: `${x('value')} is not null and ${x(col)} is null`, value: 'cast(null as varchar)' });
    }
  }
  return checks;
}

// The selects below all yield bundle_rejects' (file, rid, col, code, val, ref_rid); spec names
// (files, columns, codes) are the only literals.
const lit = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** One statement inserting the rows of many selects into bundle_rejects. */
export const rejectsInsert = (selects: string[]): string =>
  `insert into bundle_rejects (file, rid, col, code, val, ref_rid) ${selects.map((q) => `(${q})`).join('\nunion all\n')}`;

/** One pass over a staged table yielding every failed check. */
export function checksSelect(file: BundleFileName, checks: Check[]): string | null {
  if (!checks.length) return null;
  const structs = checks.map((k) => `case when ${k.cond} then {'col': ${lit(k.column)}, 'code': ${lit(k.code)}, 'val': ${k.value}} end`);
  return `select ${lit(file)}, rid, e.col, e.code, e.val, cast(null as bigint) from (
      select rid, unnest(list_filter([${structs.join(',\n')}], x -> x is not null)) as e
      from (select rowid as rid, * from ${stageTable(file)})
      where ${checks.filter((k) => k.where !== null).map((k) => `(${k.where ?? k.cond})`).join(' or ')})`;
}

/** Rows repeating the key of an earlier row (keys grouped first: only repeated ones are joined back). */
export function duplicateSelect(spec: FileSpec, map: ColumnMap): string | null {
  if (!spec.key.length) return null;
  const keys = spec.key.map((k) => colExpr(map, k));
  const required = spec.columns.filter((c) => spec.key.includes(c.name) && c.required).map((c) => `${colExpr(map, c.name)} is not null`);
  const on = spec.key.map((_, i) => `${colExpr(map, spec.key[i]!, 't.')} is not distinct from d.k${i}`).join(' and ');
  return `select ${lit(spec.file)}, t.rowid, ${lit(spec.key[0]!)}, 'duplicate_id', concat_ws(', ', ${spec.key.map((k) => colExpr(map, k, 't.')).join(', ')}), d.first_rid
    from ${stageTable(spec.file)} t join (
      select ${keys.map((k, i) => `${k} as k${i}`).join(', ')}, min(rowid) as first_rid from ${stageTable(spec.file)}
      ${required.length ? `where ${required.join(' and ')}` : ''} group by all having count(*) > 1
    ) d on ${on}
    where t.rowid <> d.first_rid`;
}

/** Rows whose reference names no row of the target file. */
export function danglingSelect(file: BundleFileName, col: ColumnSpec, map: ColumnMap, targetMap: ColumnMap): string {
  const ref = col.ref!;
  const x = colExpr(map, col.name, 's.');
  const y = colExpr(targetMap, ref.column);
  return `select ${lit(file)}, s.rowid, ${lit(col.name)}, 'dangling_reference', ${x}, cast(null as bigint) from ${stageTable(file)} s
      where ${x} is not null and ${x} not in (select ${y} from ${stageTable(ref.file)} where ${y} is not null)`;
}

/** Not yet rejected rows whose reference resolves only to rejected rows (the cascade of `partial`). */
export function cascadeSelect(file: BundleFileName, col: ColumnSpec, map: ColumnMap, targetMap: ColumnMap): string {
  const ref = col.ref!;
  const x = colExpr(map, col.name, 's.');
  return `select ${lit(file)}, s.rowid, ${lit(col.name)}, 'rejected_reference', ${x}, min(t.rowid) from ${stageTable(file)} s
      join ${stageTable(ref.file)} t on ${colExpr(targetMap, ref.column, 't.')} = ${x}
      where s.rowid not in (select rid from bundle_rejects where file = ${lit(file)} and rid is not null)
        and not exists (select 1 from ${stageTable(ref.file)} t2 where ${colExpr(targetMap, ref.column, 't2.')} = ${x}
                          and t2.rowid not in (select rid from bundle_rejects where file = ${lit(ref.file)} and rid is not null))
      group by s.rowid, ${x}`;
}

/** Copies the accepted rows into the raw table, typed (no anti-join when the file has no rejects). */
export function insertStmt(spec: FileSpec, map: ColumnMap, schoolId: string, hasRejects: boolean): Stmt {
  const cols = spec.columns.map((c) => ident(c.name));
  const values = spec.columns.map((c) => `cast(${colExpr(map, c.name, 's.')} as ${sqlType(c.type)})`);
  return {
    sql: `insert into raw.${ident(spec.file)} (school_id, ${cols.join(', ')})
      select $school, ${values.join(', ')} from ${stageTable(spec.file)} s
      ${hasRejects ? `where s.rowid not in (select rid from bundle_rejects where file = ${lit(spec.file)} and rid is not null)` : ''}`,
    params: { school: schoolId },
  };
}
