import { DuckDBTimestampTZValue, type DuckDBConnection } from '@duckdb/node-api';
import { closeAppender } from '../audit/append-audit';
import type { Row } from './sql-rows';
import { hasLoneSurrogate } from '../../common/lone-surrogate';

// New marks written with the DuckDB appender (in the caller's transaction), their audited snapshots
// built from the very values appended, exactly as entry/snapshot-mark.sql reads them back (same keys
// in the same order, entered_at with microseconds). An insert from JSON with `returning` cost ~6× as
// much for a bulk group (parsing the JSON text, then converting the returned rows) and ~4× for the ~10
// marks of a group of single-mark writes (4 ms against 1 ms; the appender's flush runs on the JS
// thread, which serialized writes wait for far less than for DuckDB: single-mark throughput 1.5–2×
// in alternating bench runs). Rows whose values
// the appender would not store as given (a lone UTF-16 surrogate becomes U+FFFD) are left to the
// caller's insert from JSON (appendableMarks is false).

interface MarkRow {
  mark_id: string; lesson_id: string; student_id: string; value: string; work_type: string; weight: number;
  entered_at: string; entered_by: string; makeup: boolean; comment: string | null;
}

const text = (v: unknown): v is string => typeof v === 'string' && !hasLoneSurrogate(v);
// Date#toISOString of a year 0000–9999 (what strftime's %Y prints alike)
const isoMillis = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) && new Date(Date.parse(v)).toISOString() === v;

const isMarkRow = (r: Row): boolean =>
  text(r.mark_id) && text(r.lesson_id) && text(r.student_id) && text(r.value) && text(r.work_type) && text(r.entered_by)
  && typeof r.weight === 'number' && Number.isFinite(r.weight) && isoMillis(r.entered_at) && typeof r.makeup === 'boolean'
  && (r.comment === null || text(r.comment));

/** True when every row can be appended and its snapshot built here. */
export const appendableMarks = (rows: Row[]): boolean => rows.every(isMarkRow);

/** The row as entry/snapshot-mark.sql gives it (without entity_id). */
export function markSnapshot(r: MarkRow): Row {
  return {
    mark_id: r.mark_id, lesson_id: r.lesson_id, student_id: r.student_id, value: r.value, work_type: r.work_type, weight: r.weight,
    // strftime('%Y-%m-%dT%H:%M:%S.%fZ'): microseconds; the value was stored from milliseconds
    entered_at: `${r.entered_at.slice(0, -1)}000Z`, entered_by: r.entered_by, makeup: r.makeup, comment: r.comment,
  };
}

/** Appends the rows (appendableMarks) to raw.marks, columns in the table's order (001_raw.sql); returns their snapshots by id. */
export async function appendNewMarks(conn: DuckDBConnection, schoolId: string, rows: Row[]): Promise<Map<string, Row>> {
  const appender = await conn.createAppender('marks', 'raw');
  const out = new Map<string, Row>();
  let flushed = false;
  try {
    for (const row of rows) {
      const r = row as unknown as MarkRow;
      appender.appendVarchar(schoolId);
      appender.appendVarchar(r.mark_id);
      appender.appendVarchar(r.lesson_id);
      appender.appendVarchar(r.student_id);
      appender.appendVarchar(r.value);
      appender.appendVarchar(r.work_type);
      appender.appendDouble(r.weight);
      appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(r.entered_at)) * 1000n));
      appender.appendVarchar(r.entered_by);
      appender.appendBoolean(r.makeup);
      if (r.comment === null) appender.appendNull();
      else appender.appendVarchar(r.comment);
      appender.endRow();
      out.set(r.mark_id, markSnapshot(r));
    }
    appender.flushSync();
    flushed = true;
  } finally {
    closeAppender(appender, flushed);
  }
  return out;
}
