// The two things DuckDB's CSV reader does not tell us: the header's names as written, and the
// physical line where each record starts (quoted fields may span lines; blank lines are skipped).
// The record scan runs only for files that have rejected rows.

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export const hasBom = (buf: Uint8Array): boolean => buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;

/** The header row's fields (RFC 4180), or null for an empty file. */
export function parseHeader(buf: Uint8Array): string[] | null {
  let i = hasBom(buf) ? 3 : 0;
  while (i < buf.length && (buf[i] === LF || buf[i] === CR)) i++;
  if (i >= buf.length) return null;
  const fields: string[] = [];
  let field: number[] = [];
  let quoted = false;
  const push = () => {
    fields.push(Buffer.from(field).toString('utf8'));
    field = [];
  };
  for (; i < buf.length; i++) {
    const b = buf[i]!;
    if (quoted) {
      if (b === QUOTE && buf[i + 1] === QUOTE) { field.push(QUOTE); i++; } else if (b === QUOTE) quoted = false;
      else field.push(b);
    } else if (b === QUOTE) quoted = true;
    else if (b === COMMA) push();
    else if (b === LF || b === CR) break;
    else field.push(b);
  }
  push();
  return fields;
}

export interface RecordStarts {
  /** byte offset of each record's first byte; [0] is the header */
  offsets: number[];
  /** 1-based physical line of each record's first byte */
  lines: number[];
}

/** Where every record starts, skipping blank lines the way DuckDB's reader does. */
export function recordStarts(buf: Uint8Array): RecordStarts {
  const offsets: number[] = [];
  const lines: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = hasBom(buf) ? 3 : 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (atStart) {
      if (b === LF) { line++; continue; }
      if (b === CR) continue;
      offsets.push(i);
      lines.push(line);
      atStart = false;
    }
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF) {
      line++;
      if (!quoted) atStart = true;
    }
  }
  return { offsets, lines };
}

/** Index of the record holding byte `pos` (the last record starting at or before it). */
function recordAt(offsets: number[], pos: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps each loaded row (rowid order = file order) to its physical line, given the byte positions DuckDB
 * reported for the records it dropped as malformed (positions inside a record count for that record:
 * DuckDB points a little past the start for some quoting errors).
 */
export function lineOfRow(starts: RecordStarts, droppedPositions: Iterable<number>): { rowLines: number[]; lineAtPosition: (pos: number) => number | null } {
  const dropped = new Set<number>();
  for (const p of droppedPositions) dropped.add(recordAt(starts.offsets, p));
  const rowLines: number[] = [];
  for (let r = 1; r < starts.offsets.length; r++) if (!dropped.has(r)) rowLines.push(starts.lines[r]!);
  const lineAtPosition = (pos: number) => (starts.offsets.length > 1 ? starts.lines[Math.max(1, recordAt(starts.offsets, pos))]! : null);
  return { rowLines, lineAtPosition };
}
