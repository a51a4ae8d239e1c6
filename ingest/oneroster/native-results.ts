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
import { jsSpace, resultsSql, usedResultColumns, type ResultsSql } from './native-results-sql';
import { readOneRoster, type OneRosterTable } from './read-oneroster';
import { spilledMarks } from './spilled-marks';

/** results.csv from this size on is read by DuckDB (smaller ones are faster in JS: no instance to start) */
export const nativeResultsFrom = 4 * 1024 * 1024;

const sql = (name: string) => readFileSync(join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');
const scopeSql = sql('results-scope');
const extraSql = sql('results-extra');

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
  last = performance.now();
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
    const rs = resultsSql(table.native.map, table.native.width);
    const params = { csv: csvPath, edge_space: `^${jsSpace}|${jsSpace}$`, mark_re: markPattern[opts.markScale ?? 'five_point'], timestamp_re: timestampPattern };
    const ctx = new MapContext(src, opts);
    ctx.issues.splice(table.native.issuesAt, 0, ...(await unnamedValues(conn, ctx, rs, params, lines)));
    step('unnamed columns');
    const jobs: Job[] = [];
    ctx.deferResults = (draft, scope) => { ctx.addSkipped(table.name, '', 0); jobs.push({ draft, scope, at: ctx.issues.length }); };
    const result = mapOneRoster(ctx);
    step('other files');
    // each school's result issues go where the JS mapper would have put them: the last school first
    for (let k = jobs.length - 1; k >= 0; k--) {
      const job = jobs[k]!;
      const before = ctx.issues.length;
      await mapSchoolResults(conn, ctx, rs, params, lines, job, join(dir, `marks-${k}.csv`));
      ctx.issues.splice(job.at, 0, ...ctx.issues.splice(before));
    }
    finishConversion(ctx, result);
    return { ...result, dispose };
  } catch (e) {
    dispose();
    // DuckDB read the file otherwise than parse-csv.ts (a defect it rejects or counts differently): the JS reader reports it
    if (e instanceof NativeReadMismatch || isCsvError(e)) return null;
    throw e;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

class NativeReadMismatch extends Error {}
const isCsvError = (e: unknown): boolean => e instanceof Error && /CSV Error|Invalid unicode|CSV Parser|INTERNAL Error/i.test(e.message);

/** read-oneroster.ts' value_without_header warnings, for the columns the header leaves unnamed. */
async function unnamedValues(conn: DuckDBConnection, ctx: MapContext, rs: ResultsSql, params: Record<string, string>, lines: RecordLines) {
  if (!rs.unnamed) return [];
  const before = ctx.issues.length;
  for (const r of (await conn.runAndReadAll(rs.unnamed, { ...params, not_space: `[^${jsSpace.slice(1)}` })).getRowObjectsJS()) {
    const idx = Number(r.idx);
    ctx.warn('results', { line: lineOfRecord(lines, Number(r.rid) + 1), v: {} }, undefined, 'value_without_header',
      `в столбце №${idx + 1} без заголовка есть значения (${Number(r.n)} строк, например «${String(r.value)}») — они пропущены`,
      `unnamed column ${idx + 1} has values in ${Number(r.n)} rows; ignored`);
  }
  return ctx.issues.splice(before);
}

const markColumns = ['mark_id', 'lesson_id', 'student_id', 'value', 'work_type', 'entered_at', 'entered_by', 'comment'] as const;

async function mapSchoolResults(conn: DuckDBConnection, ctx: MapContext, rs: ResultsSql, params: Record<string, string>, lines: RecordLines, job: Job, out: string): Promise<void> {
  const g = job.scope;
  const lessons = [...g.lessons];
  const scopeParams: Record<string, DuckDBValue> = {
    items: listValue(lessons.map(([id]) => id)), students: listValue([...g.students]), staff: listValue([...g.staffIds]),
    all_items: listValue([...g.allItems].filter((x) => x !== undefined)),
  };
  for (const stmt of statements(scopeSql)) await run(conn, stmt, scopeParams);
  const copyParams = { ...params, path: out, work_types: listValue(lessons.map(([, l]) => l.workType)), teachers: listValue(lessons.map(([, l]) => l.teacher)) };
  const copyTypes = { work_types: LIST(VARCHAR), teachers: LIST(VARCHAR) };
  step('scope');
  // pass 1: the clean marks straight from the file into marks.csv; most exports are nothing else
  let clean: number;
  try {
    clean = Number((await conn.runAndReadAll(rs.copy, copyParams, copyTypes)).getRows()[0]![0]);
  } catch (e) {
    // DuckDB's parallel reader refuses quoted line breaks when rows may be short; the serial one reads them
    if (!(e instanceof Error && /parallel/i.test(e.message))) throw e;
    clean = Number((await conn.runAndReadAll(rs.copySerial, copyParams, copyTypes)).getRows()[0]![0]);
  }
  step('copy marks.csv');
  const total = lines.count - 1;
  const dropped: number[] = [];
  const textRids: number[] = [];
  if (clean !== total) {
    // pass 2: the rest — skipped by status (counted), another school's (dropped), the JS mapper's
    const skipped: { status: string; n: number; first: number }[] = [];
    const skip = (status: string, rid: number) => {
      const s = skipped.find((x) => x.status === status);
      if (s) { s.n++; s.first = Math.min(s.first, rid); } else skipped.push({ status, n: 1, first: rid });
    };
    const extra: Record<string, DuckDBValue[]> = Object.fromEntries(['rid', ...markColumns].map((c) => [c, []]));
    const rest = (await conn.runAndReadAll(rs.unsure, params)).getRowObjectsJS();
    if (clean + rest.length !== total) throw new NativeReadMismatch(`DuckDB read ${clean + rest.length} results, parse-csv ${total}`);
    for (const r of rest) {
      const rid = Number(r.rid);
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
    for (const s of skipped.sort((a, b) => a.first - b.first)) ctx.addSkipped(g.resultsFile, s.status, s.n);
    step('other results');
    if (extra.rid!.length) {
      // pass 3: marks.csv again, the JS mapper's marks merged in file order
      const types: Record<string, DuckDBType> = Object.fromEntries(Object.keys(extra).map((k) => [k, k === 'rid' ? LIST(INTEGER) : LIST(VARCHAR)]));
      await conn.run(extraSql, Object.fromEntries(Object.entries(extra).map(([k, vals]) => [k, listValue(vals)])), types);
      await conn.run(rs.copyMerged, copyParams, copyTypes);
      step('merged marks.csv');
    }
  }
  job.draft.files.marks = { rows: [], prov: [], spill: spilledMarks(out, total, dropped, textRids, g.resultsFile, (rid) => lineOfRecord(lines, rid + 1)) };
}

const statements = (text: string): string[] => text.split(/;\s*\n/).map((s) => s.replace(/^(--[^\n]*\n)+/, '').trim()).filter(Boolean);

/** Runs a statement binding only the (VARCHAR list) parameters it names. */
async function run(conn: DuckDBConnection, stmt: string, params: Record<string, DuckDBValue>): Promise<void> {
  const names = [...new Set([...stmt.matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
  await conn.run(stmt, Object.fromEntries(names.map((n) => [n, params[n]!])), Object.fromEntries(names.map((n) => [n, LIST(VARCHAR)])));
}
