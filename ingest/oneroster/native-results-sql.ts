// The statement of native-results.ts whose shape depends on the file's header (like
// ingest/bundle/bundle-sql.ts): identifiers are positional (c0, c1, …) or from oneroster-files.ts,
// every value (the path, the patterns) is bound.

/** The results.csv columns the mapper reads (map-oneroster-gradebook.ts) */
export const usedResultColumns = ['sourcedId', 'status', 'dateLastModified', 'lineItemSourcedId', 'studentSourcedId', 'scoreStatus',
  'score', 'textScore', 'comment', 'ext_svodka_enteredBy'] as const;

/** JS String.prototype.trim's whitespace as an RE2 class */
export const jsSpace = String.raw`[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;

/**
 * or_results: results.csv in file order (rowid) with the used columns untrimmed ('' when absent),
 * unnamed columns as u<i>, and the checks that need no other table: status_kind (`skip`, `unsure`
 * when the status has spaces around it, else `active`) and row_ok (value, time, score status and
 * the copied ids/comment are such that the JS mapper surely accepts the row as written).
 */
export function readResultsStmt(map: (string | null)[], width: number, parallel: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const col = (u: string) => { const i = map.indexOf(u); return i < 0 ? `''` : `coalesce(c${i}, '')`; };
  const used = usedResultColumns.map((u) => `${col(u)} as "${u}"`);
  const unnamed = map.flatMap((c, i) => (c === null ? [`c${i} as u${i}`] : []));
  const edge = (u: string) => `not regexp_matches(${col(u)}, $edge_space)`;
  const value = `case when ${col('score')} <> '' then ${col('score')} else ${col('textScore')} end`;
  const statusKind = `case when lower(${col('status')}) in ('tobedeleted', 'inactive') then lower(${col('status')})
    when regexp_matches(${col('status')}, $edge_space) then 'unsure' else 'active' end`;
  const rowOk = [`lower(${col('scoreStatus')}) not in ('exempt', 'not submitted')`, edge('scoreStatus'),
    `regexp_full_match(${value}, $mark_re)`, `regexp_full_match(${col('dateLastModified')}, $timestamp_re)`,
    `try_cast(substr(${col('dateLastModified')}, 1, 10) as date) is not null`, edge('sourcedId'), edge('comment'), edge('ext_svodka_enteredBy')].join(' and ');
  return `create or replace temp table or_results as select ${[...used, ...unnamed].join(', ')}, ${value} as raw_value,
      ${statusKind} as status_kind, ${rowOk} as row_ok
    from read_csv($path, header = true, auto_detect = false, columns = {${columns}}, delim = ',', quote = '"', escape = '"',
      null_padding = true, strict_mode = true, parallel = ${parallel})`;
}

/** Per unnamed column with values: how many rows, the first one's rowid and its value (null: no such column). */
export function unnamedValuesStmt(map: (string | null)[]): string | null {
  const parts = map.flatMap((col, i) => (col === null ? [`select ${i} as idx, count(*)::integer as n, min(rowid)::integer as rid, arg_min(u${i}, rowid) as value
    from or_results where regexp_matches(coalesce(u${i}, ''), $not_space) having count(*) > 0`] : []));
  return parts.length ? `select * from (${parts.join(' union all ')}) order by rid, idx` : null;
}
