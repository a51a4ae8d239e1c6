// A big results.csv (a gradebook of a whole school: a million rows) read by DuckDB instead of row
// objects in JS. DuckDB parses the file and maps every result its SQL can vouch for straight into the
// bundle's marks.csv; the rest (errors, odd values) goes through the JS mapper, so messages, lines and
// columns are the same as for a small file. Anything DuckDB reads differently (a CSV defect, another
// encoding) makes this return null: the caller then converts with the JS reader, which reports it.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { MarkScale } from '../../common/bundle-spec';
import type { BundleDraft } from './bundle-draft';
import { finishConversion, mapOneRoster, type OneRosterConversion } from './convert-oneroster';
import { csvRecordLines, lineOfRecord, type RecordLines } from './csv-record-lines';
import { decodeText } from './decode-text';
import { MapContext, type OneRosterOptions } from './map-context';
import { resultMark, type GradebookScope } from './map-oneroster-gradebook';
import { jsSpace, readResultsStmt, unnamedValuesStmt, usedResultColumns } from './native-results-sql';
import { readOneRoster, type OneRosterTable } from './read-oneroster';
import { spilledMarks } from './spilled-marks';

/** results.csv from this size on is read by DuckDB (smaller ones are faster in JS: no instance to start) */
export const nativeResultsFrom = 4 * 1024 * 1024;

const sql = (name: string) => readFileSync(join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');
const q = Object.fromEntries(['results-scope', 'results-unsure', 'results-extra', 'results-copy', 'results-copy-merged']
  .map((n) => [n, sql(n)])) as Record<string, string>;

const markPattern: Record<MarkScale, string> = { five_point: '[1-5]', ten_point: '[1-9]|10', pass_fail: 'зач|незач' };
// a subset of read-dates.ts' isoDateTime that its Date check always accepts (other forms go to JS)
const timestampPattern = String.raw`\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)`;

/** SVODKA_PROFILE=1 prints the time of each step (to find where a big import spends it) */
let last = performance.now();
const step = (label: string) => {
  if (!process.env.SVODKA_PROFILE) return;
  const now = performance.now();
  console.error(`native-results ${label}: ${(now - last).toFixed(0)} ms`);
  last = now;
};

interface Job { draft: BundleDraft; scope: GradebookScope; at: number }

export async function convertWithNativeResults(path: string, files: Map<string, Uint8Array>, opts: OneRosterOptions): Promise<OneRosterConversion | null> {
  step('start');
  const name = [...files.keys()].find((n) => n.toLowerCase() === 'results.csv');
  const bytes = name ? files.get(name)! : undefined;
  if (!name || !bytes || bytes.length < (opts.nativeFrom ?? nativeResultsFrom)) return null;
  const lines = csvRecordLines(bytes);
  step('line scan');
  if (!lines || decodeText(bytes.subarray(0, lines.headerEnd)).encoding !== 'utf-8') return null;
  const src = readOneRoster(files, new Map([['results', lines.headerEnd]]));
  const table = src.tables.results;
  if (!table?.native) return null;
  step('header');
  const dir = mkdtempSync(join(tmpdir(), 'svodka-oneroster-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  let csvPath = join(path, name);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    if (!statSync(path).isDirectory()) writeFileSync((csvPath = join(dir, 'results.csv')), bytes);
    if (!(await loadResults(conn, csvPath, table, lines, opts.markScale ?? 'five_point'))) { dispose(); return null; }
    step('read_csv');
    const ctx = new MapContext(src, opts);
    ctx.issues.splice(table.native.issuesAt, 0, ...(await unnamedValues(conn, ctx, lines)));
    const jobs: Job[] = [];
    ctx.deferResults = (draft, scope) => { ctx.addSkipped(table.name, '', 0); jobs.push({ draft, scope, at: ctx.issues.length }); };
    const result = mapOneRoster(ctx);
    step('other files');
    // each school's result issues go where the JS mapper would have put them: the last school first
    for (let k = jobs.length - 1; k >= 0; k--) {
      const job = jobs[k]!;
      const before = ctx.issues.length;
      await mapSchoolResults(conn, ctx, table, lines, job, join(dir, `marks-${k}.csv`));
      ctx.issues.splice(job.at, 0, ...ctx.issues.splice(before));
    }
    finishConversion(ctx, result);
    return { ...result, dispose };
  } catch (e) {
    dispose();
    throw e;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Loads results.csv into or_results (file order = rowid); false when DuckDB reads it otherwise than parse-csv.ts. */
async function loadResults(conn: DuckDBConnection, path: string, table: OneRosterTable, lines: RecordLines, scale: MarkScale): Promise<boolean> {
  const params = { path, edge_space: `^${jsSpace}|${jsSpace}$`, mark_re: markPattern[scale], timestamp_re: timestampPattern };
  for (const parallel of [true, false]) {
    try {
      await conn.run(readResultsStmt(table.native!.map, table.native!.width, parallel), params);
    } catch {
      continue; // quoted line breaks need the serial reader; other errors end in the JS reader
    }
    const n = Number((await conn.runAndReadAll('select count(*) from or_results')).getRows()[0]![0]);
    return lines.count === null || n === lines.count - 1;
  }
  return false;
}

/** read-oneroster.ts' value_without_header warnings, for the columns the header leaves unnamed. */
async function unnamedValues(conn: DuckDBConnection, ctx: MapContext, lines: RecordLines) {
  const s = unnamedValuesStmt(ctx.table('results')!.native!.map);
  if (!s) return [];
  const before = ctx.issues.length;
  for (const r of (await conn.runAndReadAll(s, { not_space: `[^${jsSpace.slice(1)}` })).getRowObjectsJS()) {
    const idx = Number(r.idx);
    ctx.warn('results', { line: lineOfRecord(lines, Number(r.rid) + 1), v: {} }, undefined, 'value_without_header',
      `в столбце №${idx + 1} без заголовка есть значения (${Number(r.n)} строк, например «${String(r.value)}») — они пропущены`,
      `unnamed column ${idx + 1} has values in ${Number(r.n)} rows; ignored`);
  }
  return ctx.issues.splice(before);
}

const markColumns = ['mark_id', 'lesson_id', 'student_id', 'value', 'work_type', 'entered_at', 'entered_by', 'comment'] as const;

async function mapSchoolResults(conn: DuckDBConnection, ctx: MapContext, table: OneRosterTable, lines: RecordLines, job: Job, out: string): Promise<void> {
  const g = job.scope;
  const lessons = [...g.lessons];
  const scopeParams: Record<string, DuckDBValue> = {
    items: listValue(lessons.map(([id]) => id)), students: listValue([...g.students]), staff: listValue([...g.staffIds]),
    all_items: listValue([...g.allItems].filter((x) => x !== undefined)),
  };
  for (const stmt of statements(q['results-scope']!)) await run(conn, stmt, scopeParams, LIST(VARCHAR));
  const lessonParams = { work_types: listValue(lessons.map(([, l]) => l.workType)), teachers: listValue(lessons.map(([, l]) => l.teacher)) };
  const lessonTypes = { work_types: LIST(VARCHAR), teachers: LIST(VARCHAR) };
  step('scope');

  // one pass over what is not a plain clean mark: skipped rows (counted), another school's (dropped),
  // clean marks from textScore (provenance), and the rows the JS mapper decides on
  const skipped: { status: string; n: number; first: number }[] = [];
  const skip = (status: string, rid: number) => {
    const s = skipped.find((x) => x.status === status);
    if (s) { s.n++; s.first = Math.min(s.first, rid); } else skipped.push({ status, n: 1, first: rid });
  };
  const extra: Record<string, DuckDBValue[]> = Object.fromEntries(['rid', ...markColumns].map((c) => [c, []]));
  const dropped: number[] = [];
  const textRids: number[] = [];
  for (const r of (await conn.runAndReadAll(q['results-unsure']!)).getRowObjectsJS()) {
    const rid = Number(r.rid);
    if (r.kind === 'clean') { textRids.push(rid); continue; }
    dropped.push(rid);
    if (r.kind === 'skip') { skip(String(r.status).toLowerCase(), rid); continue; }
    if (r.kind === 'other') continue;
    const v: Record<string, string> = {};
    for (const c of usedResultColumns) v[c] = String(r[c] ?? '').trim();
    const status = v.status!.toLowerCase();
    if (status === 'tobedeleted' || status === 'inactive') { skip(status, rid); continue; }
    const m = resultMark(ctx, g, { line: lineOfRecord(lines, rid + 1), v });
    if (!m) continue;
    dropped.pop();
    extra.rid!.push(rid);
    for (const c of markColumns) extra[c]!.push(m.row[c] ?? '');
    if (!v.score) textRids.push(rid);
  }
  for (const s of skipped.sort((a, b) => a.first - b.first)) ctx.addSkipped(table.name, s.status, s.n);
  step('unsure rows');
  if (extra.rid!.length) {
    const types: Record<string, DuckDBType> = Object.fromEntries(Object.keys(extra).map((k) => [k, k === 'rid' ? LIST(INTEGER) : LIST(VARCHAR)]));
    await conn.run(q['results-extra']!, Object.fromEntries(Object.entries(extra).map(([k, vals]) => [k, listValue(vals)])), types);
    await conn.run(q['results-copy-merged']!, { ...lessonParams, path: out }, lessonTypes);
  } else {
    await conn.run(q['results-copy']!, { ...lessonParams, path: out }, lessonTypes);
  }
  step('copy marks.csv');

  const total = Number((await conn.runAndReadAll('select count(*) from or_results')).getRows()[0]![0]);
  step('provenance');
  job.draft.files.marks = { rows: [], prov: [], spill: spilledMarks(out, total, dropped, textRids, g.resultsFile, (rid) => lineOfRecord(lines, rid + 1)) };
}

const statements = (text: string): string[] => text.split(/;\s*\n/).map((s) => s.replace(/^(--[^\n]*\n)+/, '').trim()).filter(Boolean);

/** Runs a statement binding only the parameters it names. */
async function run(conn: DuckDBConnection, stmt: string, params: Record<string, DuckDBValue>, type: DuckDBType): Promise<void> {
  const names = [...new Set([...stmt.matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
  await conn.run(stmt, Object.fromEntries(names.map((n) => [n, params[n]!])), Object.fromEntries(names.map((n) => [n, type])));
}
