import { decodeText } from './decode-text';
import { editDistance } from './edit-distance';
import { issue, type ConvertIssue } from './convert-issue';
import { headerAliases, oneRosterColumns, oneRosterFiles, unusedOneRosterFiles, type OneRosterFile } from './oneroster-files';
import { CsvSyntaxError, parseCsv } from './parse-csv';

export interface OneRosterRow {
  line: number;
  v: Record<string, string>;
}

export interface OneRosterTable {
  /** the file name as found (case kept) */
  name: string;
  rows: OneRosterRow[];
  /** standard column -> header as written in the file (for error messages) */
  written: Record<string, string>;
  /** set when the rows are read by DuckDB instead (rows is then empty): header cell index -> column */
  native?: { map: (string | null)[]; width: number; issuesAt: number };
}

export interface OneRosterSource {
  tables: Partial<Record<OneRosterFile, OneRosterTable>>;
  manifest: Record<string, string>;
  issues: ConvertIssue[];
}

/** Reads and normalises the CSV files of a OneRoster export; every defect found becomes an issue. */
export function readOneRoster(files: Map<string, Uint8Array>, nativeFiles: ReadonlyMap<OneRosterFile, number> = new Map()): OneRosterSource {
  const issues: ConvertIssue[] = [];
  const tables: OneRosterSource['tables'] = {};
  const byLower = new Map([...files.keys()].map((n) => [n.toLowerCase(), n]));
  for (const file of oneRosterFiles) {
    const name = byLower.get(`${file.toLowerCase()}.csv`);
    if (!name) continue;
    byLower.delete(`${file.toLowerCase()}.csv`);
    const headerEnd = nativeFiles.get(file);
    const t = headerEnd === undefined ? readTable(name, files.get(name)!, oneRosterColumns[file], issues)
      : readHeaderOnly(name, files.get(name)!.subarray(0, headerEnd), oneRosterColumns[file], issues);
    if (t) tables[file] = t;
  }
  for (const [lower, name] of byLower) {
    const known = unusedOneRosterFiles.some((u) => `${u.toLowerCase()}.csv` === lower);
    issues.push(issue('warning', known ? 'oneroster_file_not_used' : 'unknown_file', { file: name },
      known ? 'файл стандарта OneRoster не переносится в Сводку (нет соответствующих данных) и пропущен'
        : 'неизвестный файл, пропущен', known ? 'OneRoster file carries nothing Svodka keeps; skipped' : 'unknown file skipped'));
  }
  const manifest: Record<string, string> = {};
  for (const r of tables.manifest?.rows ?? []) if (r.v.propertyName) manifest[r.v.propertyName] = r.v.value ?? '';
  if (!tables.manifest) {
    issues.push(issue('error', 'missing_file', { file: 'manifest.csv' }, 'нет файла manifest.csv — это не выгрузка OneRoster',
      'manifest.csv missing: not a OneRoster export'));
  }
  return { tables, manifest, issues };
}

function readTable(name: string, bytes: Uint8Array, known: readonly string[], issues: ConvertIssue[]): OneRosterTable | null {
  const { text, encoding } = decodeText(bytes);
  if (encoding !== 'utf-8') {
    issues.push(issue('warning', 'encoding_cp1251', { file: name }, 'файл не в UTF-8, прочитан как Windows-1251',
      'not UTF-8, decoded as Windows-1251'));
  }
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    issues.push(issue('error', 'csv_syntax', { file: name, line: e.line },
      e.reason === 'unclosed_quote' ? 'незакрытая кавычка' : 'текст после закрывающей кавычки', e.message));
    return null;
  }
  const map = mapHeader(name, table.header, table.headerLine, known, issues);
  if (!map) return null;
  const rows: OneRosterRow[] = [];
  const unnamed = new Map<number, { line: number; value: string; count: number }>();
  table.rows.forEach((cells, i) => {
    const line = table.lines[i]!;
    if (cells.length > table.header.length && cells.slice(table.header.length).some((c) => c.trim() !== '')) {
      issues.push(issue('error', 'too_many_cells', { file: name, line },
        `в строке ${cells.length} значений, а в заголовке ${table.header.length} столбцов`,
        `${cells.length} cells but ${table.header.length} header columns`));
      return;
    }
    const v: Record<string, string> = {};
    map.forEach((col, idx) => {
      if (col === null) {
        if ((cells[idx] ?? '').trim() !== '') {
          const u = unnamed.get(idx) ?? { line, value: cells[idx]!, count: 0 };
          u.count++;
          unnamed.set(idx, u);
        }
        return;
      }
      v[col] = (cells[idx] ?? '').trim();
    });
    rows.push({ line, v });
  });
  for (const [idx, u] of unnamed) {
    issues.push(issue('warning', 'value_without_header', { file: name, line: u.line },
      `в столбце №${idx + 1} без заголовка есть значения (${u.count} строк, например «${u.value}») — они пропущены`,
      `unnamed column ${idx + 1} has values in ${u.count} rows; ignored`));
  }
  const written: Record<string, string> = {};
  map.forEach((col, idx) => { if (col) written[col] = table.header[idx]!.trim(); });
  return { name, rows, written };
}

/** Only the header of a file whose rows DuckDB reads (see native-results.ts): same header checks. */
function readHeaderOnly(name: string, head: Uint8Array, known: readonly string[], issues: ConvertIssue[]): OneRosterTable | null {
  const table = parseCsv(decodeText(head).text);
  const map = mapHeader(name, table.header, table.headerLine, known, issues);
  if (!map) return null;
  const written: Record<string, string> = {};
  map.forEach((col, idx) => { if (col) written[col] = table.header[idx]!.trim(); });
  return { name, rows: [], written, native: { map, width: table.header.length, issuesAt: issues.length } };
}

/** Header cell -> standard column (null = ignored). Null result = the file cannot be read. */
function mapHeader(name: string, header: string[], line: number, known: readonly string[], issues: ConvertIssue[]): (string | null)[] | null {
  if (header.length === 0 || header.every((h) => h.trim() === '')) {
    issues.push(issue('error', 'empty_file', { file: name, line }, 'файл пуст: нет строки заголовка', 'empty file: no header row'));
    return null;
  }
  const lowerKnown = new Map(known.map((k) => [k.toLowerCase(), k]));
  const exact = header.map((h) => lowerKnown.get(h.trim().toLowerCase()) ?? null);
  const taken = new Set(exact.filter((x): x is string => x !== null));
  const result = header.map((raw, idx) => {
    const h = raw.trim();
    if (exact[idx]) return exact[idx]!;
    if (h === '') return null;
    const alias = headerAliases[h];
    let guess: string | null = alias && known.includes(alias) && !taken.has(alias) ? alias : null;
    if (!guess && !h.startsWith('ext_') && !h.includes('.')) {
      const near = known.filter((k) => !taken.has(k) && editDistance(h.toLowerCase(), k.toLowerCase(), 2) <= 2);
      if (near.length === 1) guess = near[0]!;
    }
    if (guess) {
      taken.add(guess);
      issues.push(issue('warning', 'header_misspelled', { file: name, line, column: h },
        `заголовок «${h}» понят как «${guess}»`, `header "${h}" read as "${guess}"`));
      return guess;
    }
    if (!h.startsWith('ext_')) {
      issues.push(issue('warning', 'unknown_column', { file: name, line, column: h },
        'неизвестный столбец пропущен', 'unknown column ignored'));
    }
    return null;
  });
  const seen = new Map<string, number>();
  for (const col of result) if (col) seen.set(col, (seen.get(col) ?? 0) + 1);
  const dup = [...seen].filter(([, n]) => n > 1).map(([c]) => c);
  if (dup.length) {
    issues.push(issue('error', 'duplicate_header', { file: name, line, column: dup[0] },
      `столбец «${dup[0]}» встречается в заголовке несколько раз — неясно, какой из них читать`,
      `column "${dup[0]}" appears more than once in the header`));
    return null;
  }
  return result;
}
