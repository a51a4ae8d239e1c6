// Where each record of a CSV file starts (physical line), read from the bytes with exactly the rules of
// parse-csv.ts (quotes only at a field's start, "" inside quotes, CR / LF / CRLF, blank lines skipped)
// but without building values — for files DuckDB reads, whose errors must still name the source line.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordLines {
  /** physical line (1-based) of every record, header included; null: record k is on line k + 1 */
  lines: Int32Array | null;
  /** records, header included */
  count: number;
  /** byte offset where the second record (the first data row) starts, or the length */
  headerEnd: number;
}

export const lineOfRecord = (r: RecordLines, record: number): number => (r.lines ? r.lines[record]! : record + 1);

/**
 * Most exports have no quotes, no CR and no blank lines: then every line is one record and nothing
 * needs scanning (a few memchr-speed searches instead of a loop over every byte).
 */
function oneRecordPerLine(buf: Uint8Array, start: number): RecordLines | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.indexOf(QUOTE, start) >= 0 || b.indexOf(CR, start) >= 0 || b.indexOf('\n\n', start) >= 0 || b[start] === LF) return null;
  let count = b.length > start && b[b.length - 1] !== LF ? 1 : 0;
  for (let i = b.indexOf(LF, start); i >= 0; i = b.indexOf(LF, i + 1)) count++;
  const nl = b.indexOf(LF, start);
  return { lines: null, count, headerEnd: nl < 0 ? b.length : nl + 1 };
}

/** Null when the file has a syntax error (parse-csv.ts then reports it with its line). */
export function csvRecordLines(buf: Uint8Array, delimiter = 0x2c): RecordLines | null {
  let lines = new Int32Array(1024);
  let count = 0;
  let headerEnd = buf.length;
  const n = buf.length;
  let i = n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (delimiter === 0x2c) {
    const simple = oneRecordPerLine(buf, i);
    if (simple) return simple;
  }
  let line = 1;
  let nextQuote = -2;
  let nextCr = -2;
  const next = (b: number, cached: number) => (cached === -1 || cached >= i ? cached : buf.indexOf(b, i));
  while (i < n) {
    // fast path: a line without quotes or inner CR is one record (memchr-speed search, no byte loop)
    nextQuote = next(QUOTE, nextQuote);
    nextCr = next(CR, nextCr);
    let nl = buf.indexOf(LF, i);
    if (nl < 0) nl = n;
    if ((nextQuote === -1 || nextQuote >= nl) && (nextCr === -1 || nextCr >= nl - 1)) {
      const end = nextCr === nl - 1 ? nl - 1 : nl;
      if (end > i) {
        if (count === 1 && headerEnd === n) headerEnd = i;
        if (count === lines.length) { const grown = new Int32Array(lines.length * 2); grown.set(lines); lines = grown; }
        lines[count++] = line;
      }
      line++;
      i = nl + 1;
      continue;
    }
    const startLine = line;
    const start = i;
    let fields = 0;
    let emptyFirst = false;
    for (;;) {
      fields++;
      if (buf[i] === QUOTE) {
        let j = i + 1;
        if (fields === 1) emptyFirst = buf[j] === QUOTE && buf[j + 1] !== QUOTE;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q < 0) return null;
          for (let k = buf.indexOf(LF, j); k >= 0 && k < q; k = buf.indexOf(LF, k + 1)) line++;
          if (buf[q + 1] === QUOTE) { j = q + 2; continue; }
          i = q + 1;
          break;
        }
        const c = buf[i];
        if (i < n && c !== delimiter && c !== LF && c !== CR) return null;
      } else {
        let j = i;
        while (j < n) {
          const c = buf[j];
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (fields === 1) emptyFirst = j === i;
        i = j;
      }
      const c = buf[i];
      if (c === delimiter) { i++; continue; }
      if (c === CR) i++;
      if (buf[i] === LF) i++;
      line++;
      break;
    }
    // a blank line (one empty field, quoted or not) is not a record
    if (fields === 1 && emptyFirst) continue;
    if (count === 1 && headerEnd === n) headerEnd = start;
    if (count === lines.length) { const grown = new Int32Array(lines.length * 2); grown.set(lines); lines = grown; }
    lines[count++] = startLine;
  }
  if (count < 2) headerEnd = n;
  return { lines, count, headerEnd };
}
