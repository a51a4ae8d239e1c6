import type { MarkScale } from '../../common/bundle-spec';
import type { BundleDraft } from './bundle-draft';
import type { GradebookScope } from './map-oneroster-gradebook';
import { issue, type ConvertIssue } from './convert-issue';
import type { OneRosterFile } from './oneroster-files';
import { readDate, slashOrder, type SlashOrder } from './read-dates';
import type { OneRosterRow, OneRosterSource, OneRosterTable } from './read-oneroster';

export interface OneRosterOptions {
  /** IANA zone of the school(s): OneRoster does not carry one */
  timezone?: string;
  markScale?: MarkScale;
  /** the school year when academicSessions.csv has none */
  yearStartsOn?: string;
  yearEndsOn?: string;
  /** import the export's only school under this Svodka school id (the api passes the caller's school) */
  schoolId?: string;
  /** results.csv from this many bytes on is read by DuckDB (default native-results.ts' nativeResultsFrom) */
  nativeFrom?: number;
}

/** Shared state of one conversion: the source, the options, and the issues found so far. */
export class MapContext {
  readonly issues: ConvertIssue[];
  private orders = new Map<string, SlashOrder>();
  private skipped = new Map<string, Map<string, number>>();

  /** set when results.csv is read by DuckDB: its marks are mapped after the rest (native-results.ts) */
  deferResults?: (draft: BundleDraft, scope: GradebookScope) => void;

  constructor(readonly src: OneRosterSource, readonly opts: OneRosterOptions) {
    this.issues = src.issues;
  }

  /** Counts records skipped by status outside `active` (n = 0 only keeps the file's place in the report). */
  addSkipped(file: string, status: string, n: number): void {
    const m = this.skipped.get(file) ?? new Map<string, number>();
    this.skipped.set(file, m);
    if (n) m.set(status, (m.get(status) ?? 0) + n);
  }

  table(file: OneRosterFile): OneRosterTable | undefined {
    return this.src.tables[file];
  }

  /** Rows that are not marked for deletion; tobedeleted/inactive ones are counted for the report. */
  active(file: OneRosterFile): OneRosterRow[] {
    const t = this.src.tables[file];
    if (!t) return [];
    return t.rows.filter((r) => {
      const status = (r.v.status ?? '').toLowerCase();
      if (status === 'tobedeleted' || status === 'inactive') {
        this.addSkipped(t.name, status, 1);
        return false;
      }
      return true;
    });
  }

  at(file: OneRosterFile, row: OneRosterRow, column?: string): { file: string; line: number; column?: string } {
    const t = this.src.tables[file]!;
    return { file: t.name, line: row.line, ...(column ? { column: t.written[column] ?? column } : {}) };
  }

  error(file: OneRosterFile, row: OneRosterRow, column: string | undefined, code: string, ru: string, en: string): void {
    this.issues.push(issue('error', code, this.at(file, row, column), ru, en));
  }

  warn(file: OneRosterFile, row: OneRosterRow | undefined, column: string | undefined, code: string, ru: string, en: string): void {
    const t = this.src.tables[file];
    const at = row ? this.at(file, row, column) : { file: t?.name ?? `${file}.csv` };
    this.issues.push(issue('warning', code, at, ru, en));
  }

  /** A date cell as YYYY-MM-DD, '' when empty, null (and an error) when unreadable. */
  date(file: OneRosterFile, row: OneRosterRow, column: string): string | null {
    const value = row.v[column] ?? '';
    if (value === '') return '';
    // one system writes one date format: the order is proved by any date column of the same file
    let order = this.orders.get(file);
    if (!order) {
      order = slashOrder(this.src.tables[file]!.rows.flatMap((r) => dateColumns.map((c) => r.v[c] ?? '')));
      this.orders.set(file, order);
      if (order === 'dmy' || order === 'mdy') {
        this.warn(file, undefined, undefined, 'slash_dates', `даты вида «Д/М/ГГГГ» прочитаны как ${
          order === 'dmy' ? 'день/месяц/год' : 'месяц/день/год'} (это доказывают значения файла, например день больше 12)`, `slash dates read as ${order}`);
      }
    }
    const r = readDate(value, order);
    if ('error' in r) {
      this.error(file, row, column, 'bad_date', r.error, r.errorEn);
      return null;
    }
    return r.ok;
  }

  /** One summary warning per file for the records skipped by status. */
  reportSkipped(): void {
    for (const [file, counts] of this.skipped) {
      for (const [status, n] of counts) {
        this.issues.push(issue('warning', `status_${status}`, { file },
          `${n} записей со статусом ${status} не перенесены`, `${n} records with status ${status} skipped`));
      }
    }
  }
}

const dateColumns = ['startDate', 'endDate', 'beginDate', 'birthDate', 'assignDate', 'dueDate', 'scoreDate', 'dateLastModified'];

export const splitList = (v: string | undefined): string[] =>
  (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
