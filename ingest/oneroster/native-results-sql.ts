// The statements of native-results.ts around results.csv, whose shape depends on the file's header
// (like ingest/bundle/bundle-sql.ts): a generated `or_source` (positional identifiers c0, c1, … and
// names from oneroster-files.ts only) in front of the queries of sql/results-*.sql; values are bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The results.csv columns the mapper reads (map-oneroster-gradebook.ts) */
export const usedResultColumns = ['sourcedId', 'status', 'dateLastModified', 'lineItemSourcedId', 'studentSourcedId', 'scoreStatus',
  'score', 'textScore', 'comment', 'ext_svodka_enteredBy'] as const;

/** JS String.prototype.trim's whitespace as an RE2 class */
export const jsSpace = String.raw`[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;

const body = (name: string) => readFileSync(join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');

/**
 * results.csv read serially (so row_number() is the file order: rid), the used columns untrimmed
 * ('' when absent), unnamed columns as u<i>, and the checks that need no other table: status_kind
 * (`tobedeleted`/`inactive`, `unsure` when the status has spaces around it, else `active`) and
 * row_ok (value, time, score status and the copied ids/comment are such that the JS mapper surely
 * accepts the row as written; a textScore value goes to the JS mapper, whose provenance names it).
 */
function source(map: (string | null)[], width: number, withRid: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const col = (u: string) => { const i = map.indexOf(u); return i < 0 ? `''` : `coalesce(c${i}, '')`; };
  const used = usedResultColumns.map((u) => `${col(u)} as "${u}"`);
  const unnamed = map.flatMap((c, i) => (c === null ? [`c${i} as u${i}`] : []));
  const edge = (u: string) => `not regexp_matches(${col(u)}, $edge_space)`;
  const statusKind = `case when lower(${col('status')}) in ('tobedeleted', 'inactive') then lower(${col('status')})
    when regexp_matches(${col('status')}, $edge_space) then 'unsure' else 'active' end`;
  const rowOk = [`lower(${col('scoreStatus')}) not in ('exempt', 'not submitted')`, edge('scoreStatus'),
    `regexp_full_match(${col('score')}, $mark_re)`, `regexp_full_match(${col('dateLastModified')}, $timestamp_re)`,
    `try_cast(substr(${col('dateLastModified')}, 1, 10) as date) is not null`, edge('sourcedId'), edge('comment'), edge('ext_svodka_enteredBy')].join(' and ');
  // rid needs the serial reader; marks.csv does not (a filter and projection keep the file order anyway)
  return `select ${withRid ? 'row_number() over () - 1 as rid, ' : ''}${[...used, ...unnamed].join(', ')}, ${col('score')} as raw_value,
      ${statusKind} as status_kind, ${rowOk} as row_ok
    from read_csv($csv, header = true, auto_detect = false, columns = {${columns}}, delim = ',', quote = '"', escape = '"',
      null_padding = true, strict_mode = true, parallel = ${!withRid})`;
}

export interface ResultsSql { unsure: string; copy: string; copySerial: string; copyMerged: string; unnamed: string | null }

export function resultsSql(map: (string | null)[], width: number): ResultsSql {
  const src = `with or_source as (${source(map, width, true)})\n`;
  const copy = (from: string, b: string) => `copy (${from}${b}) to $path (header, delimiter ',')`;
  return {
    unsure: src + body('results-unsure'), copy: copy(`with or_source as (${source(map, width, false)})\n`, body('results-copy')),
    copySerial: copy(src, body('results-copy')),
    copyMerged: copy(src, body('results-copy-merged')), unnamed: unnamedValues(src, map),
  };
}

/** Per unnamed column with values: how many rows, the first one's rid and its value (null: no such column). */
function unnamedValues(src: string, map: (string | null)[]): string | null {
  const parts = map.flatMap((col, i) => (col === null ? [`select ${i} as idx, count(*)::integer as n, min(rid)::integer as rid, arg_min(u${i}, rid) as value
    from or_source where regexp_matches(coalesce(u${i}, ''), $not_space) having count(*) > 0`] : []));
  return parts.length ? `${src}select * from (${parts.join(' union all ')}) order by rid, idx` : null;
}
