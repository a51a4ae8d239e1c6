// The export's SELECTs, generated from common/bundle-spec.ts like bundle-sql.ts: one per file, every
// column rendered as the bundle's text (macros of warehouse/queries/ingest/export-macros.sql), rows
// sorted by all columns from the first.
import { manifestKeys, type ColumnType, type FileSpec } from '../../common/bundle-spec';
import { ident } from './bundle-sql';

export function renderExpr(x: string, t: ColumnType): string {
  switch (t.kind) {
    case 'timestamp': return `bundle_ts(${x}, $tz)`;
    case 'date': return `strftime(${x}, '%Y-%m-%d')`;
    case 'time': return `left(cast(${x} as varchar), 5)`;
    case 'int': return `cast(${x} as varchar)`;
    case 'number': return `bundle_num(${x})`;
    case 'bool': return `bundle_bool(${x})`;
    default: return `cast(${x} as varchar)`;
  }
}

/** The rows of one file, as text, sorted. Binds $school and $tz. */
export function exportSelect(spec: FileSpec): string {
  const cols = spec.columns.map((c) => `${renderExpr(ident(c.name), c.type)} as ${ident(c.name)}`);
  return `select ${cols.join(', ')} from raw.${ident(spec.file)} where school_id = $school order by all`;
}

/** manifest.csv: key/value rows in the spec's key order, absent values left out. Binds $school, $tz. */
export function manifestSelect(): string {
  const constants: Record<string, string> = { format: `'journal-bundle'`, version: `'1'` };
  const keys = manifestKeys.map((k) => `'${k.name}'`);
  const values = manifestKeys.map((k) => constants[k.name] ?? renderExpr(ident(k.name), k.type));
  return `select key, value from (
      select unnest([${keys.join(', ')}]) as key, unnest([${values.join(', ')}]) as value, unnest(range(${keys.length})) as ord
      from raw.schools where school_id = $school
    ) where value is not null order by ord`;
}
