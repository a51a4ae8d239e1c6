// RFC 4180 CSV reader that remembers the physical line where each record starts, so that an error
// found after conversion can still name the line of the SOURCE file.

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** physical line (1-based) of each row in `rows` */
  lines: number[];
  /** line of the header row */
  headerLine: number;
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, readonly reason: 'unclosed_quote' | 'text_after_quote') {
    super(`CSV syntax error at line ${line}: ${reason}`);
  }
}

/** Splits text into records. Tolerates a BOM, CRLF/CR/LF and a missing final newline. */
export function parseCsvRecords(text: string, delimiter = ','): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const record: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntaxError(startLine, 'unclosed_quote');
          out += text.slice(j, q);
          for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) { out += '"'; j = q + 2; continue; }
          i = q + 1;
          break;
        }
        value = out;
        const c = text.charCodeAt(i);
        if (i < n && c !== d && c !== 10 && c !== 13) throw new CsvSyntaxError(line, 'text_after_quote');
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === 10 || c === 13) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      record.push(value);
      const c = text.charCodeAt(i);
      if (c === d) { i++; continue; }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    // a blank line is not a record
    if (!(record.length === 1 && record[0] === '')) { records.push(record); lines.push(startLine); }
  }
  return { records, lines };
}

/** Header + rows; an empty text gives an empty header. */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const { records, lines } = parseCsvRecords(text, delimiter);
  return {
    header: records[0] ?? [],
    headerLine: lines[0] ?? 1,
    rows: records.slice(1),
    lines: lines.slice(1),
  };
}

/** Guesses `,` `;` or tab from the first line (Russian Excel writes `;`). */
export function sniffDelimiter(text: string): string {
  const nl = text.search(/\r|\n/);
  const first = nl < 0 ? text : text.slice(0, nl);
  const count = (ch: string) => first.split(ch).length - 1;
  const candidates: [string, number][] = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

const needsQuote = /[",\r\n]/;
export const csvCell = (v: string): string => (needsQuote.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',') + '\n';
