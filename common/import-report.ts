// The result of one import (bundle, OneRoster, XLSX): what was read, what was accepted, every rejected
// row with file, line, column and a stable code. Pure: shared by ingest, the api, the CLI and the UI.

export type ImportStatus = 'applied' | 'unchanged' | 'rejected' | 'dry_run';

/** One problem found in the input. `line` is the physical line in the file (1 = header), null for a
 * problem of the whole file (missing file, missing column). */
export interface ImportIssue {
  file: string;
  line: number | null;
  column: string | null;
  /** stable, e.g. `timestamp_without_offset`, `dangling_reference`, `duplicate_id`, `bad_enum` */
  code: string;
  /** Russian, for people: «marks.csv, строка 7, поле entered_at: …» */
  message: string;
  /** English, for logs */
  logMessage: string;
  /** the offending cell's text, when there is one */
  value?: string | null;
}

export interface ImportFileCounts {
  /** file name as in the bundle, e.g. `marks.csv` */
  file: string;
  present: boolean;
  /** data records in the file (malformed ones included) */
  read: number;
  /** valid records (loaded when the status is `applied`) */
  accepted: number;
  /** records with at least one issue */
  rejected: number;
  sha256: string | null;
  /** columns dropped because the import was told to ignore unknown columns */
  ignoredColumns: string[];
}

export interface ImportReport {
  batchId: string;
  status: ImportStatus;
  schoolId: string | null;
  /** what was imported: a path, an upload name */
  source: string;
  format: string;
  actor: string;
  partial: boolean;
  /** sha-256 over the files' hashes: equal content = equal hash, whatever the packaging (folder/zip) */
  contentHash: string | null;
  files: ImportFileCounts[];
  /** records rejected over all files */
  rejectedRows: number;
  /** every issue (capped at `maxIssues`; `issuesOmitted` says how many more there were) */
  issues: ImportIssue[];
  issuesOmitted: number;
  /** issues that stop the whole import even with `partial` (missing file, bad manifest, …) */
  fatal: boolean;
  /** rows written per raw table when applied */
  written: Record<string, number>;
  startedAt: string;
  finishedAt: string;
}

export type ReportLang = 'ru' | 'en';

const statusText: Record<ImportStatus, Record<ReportLang, string>> = {
  applied: { ru: 'загружено', en: 'applied' },
  unchanged: { ru: 'без изменений: этот же набор данных уже загружен', en: 'unchanged: the same content is already loaded' },
  rejected: { ru: 'отклонено: в хранилище ничего не изменилось', en: 'rejected: the warehouse was not changed' },
  dry_run: { ru: 'проверка без записи', en: 'dry run, nothing written' },
};

/** The report as text for the CLI: per file read / accepted / rejected, then every issue. */
export function formatImportReport(report: ImportReport, lang: ReportLang = 'ru'): string {
  const ru = lang === 'ru';
  const out: string[] = [];
  out.push(ru
    ? `Импорт ${report.source} (${report.format}), школа ${report.schoolId ?? '—'}: ${statusText[report.status].ru}`
    : `Import ${report.source} (${report.format}), school ${report.schoolId ?? '-'}: ${statusText[report.status].en}`);
  if (report.partial && report.status === 'applied' && report.rejectedRows > 0) {
    out.push(ru ? `Частичный импорт: загружены только правильные строки, отклонено ${report.rejectedRows}`
      : `Partial import: only valid rows loaded, ${report.rejectedRows} rejected`);
  }
  const w = Math.max(...report.files.map((f) => f.file.length), 10);
  out.push(ru ? `${'файл'.padEnd(w)}  ${'прочитано'.padStart(10)} ${'принято'.padStart(10)} ${'отклонено'.padStart(10)}`
    : `${'file'.padEnd(w)}  ${'read'.padStart(10)} ${'accepted'.padStart(10)} ${'rejected'.padStart(10)}`);
  for (const f of report.files) {
    if (!f.present) {
      out.push(`${f.file.padEnd(w)}  ${(ru ? 'нет файла' : 'absent').padStart(10)}`);
      continue;
    }
    out.push(`${f.file.padEnd(w)}  ${String(f.read).padStart(10)} ${String(f.accepted).padStart(10)} ${String(f.rejected).padStart(10)}`);
    if (f.ignoredColumns.length) {
      out.push(ru ? `  пропущены неизвестные столбцы: ${f.ignoredColumns.join(', ')}` : `  ignored unknown columns: ${f.ignoredColumns.join(', ')}`);
    }
  }
  if (report.issues.length) {
    out.push(ru ? 'Ошибки:' : 'Issues:');
    for (const i of report.issues) out.push(`  [${i.code}] ${ru ? i.message : i.logMessage}`);
    if (report.issuesOmitted) out.push(ru ? `  … и ещё ${report.issuesOmitted}` : `  … and ${report.issuesOmitted} more`);
  }
  return out.join('\n');
}
