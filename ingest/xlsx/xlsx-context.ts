import { TZDate } from '@date-fns/tz';
import type { MarkScale } from '../../common/bundle-spec';
import { issue, type ConvertIssue } from '../oneroster/convert-issue';
import type { Provenance } from '../oneroster/bundle-draft';
import type { XlsxSchool } from './xlsx-school';

export interface XlsxOptions {
  schoolId?: string;
  schoolName?: string;
  timezone?: string;
  markScale?: MarkScale;
  /** `2025/2026`; needed when lesson dates carry no year */
  academicYear?: string;
  yearStartsOn?: string;
  yearEndsOn?: string;
  /** force a profile instead of detecting it from the headers */
  profile?: string;
  /** fallbacks when a sheet's title block does not say */
  className?: string;
  subject?: string;
  teacher?: string;
  classTeacher?: string;
  /** when the marks were recorded (ISO with offset); default: the end of each lesson's day */
  enteredAt?: string;
  /** called with the number of rows read so far (every 1,000 rows), for progress on big files */
  onRows?: (rows: number) => void;
  /** marks (or attendance) rows kept as objects before they go to disk (default convert-xlsx.ts' spillFrom) */
  spillFrom?: number;
}

/** State shared by the sheets of one conversion. */
export class XlsxContext {
  readonly issues: ConvertIssue[] = [];
  rowsRead = 0;
  /** first calendar year of the academic year, when known */
  startYear: number | null;

  constructor(readonly school: XlsxSchool, readonly opts: XlsxOptions) {
    const m = /^(\d{4})\s*[/-]\s*(\d{4})$/.exec(opts.academicYear ?? '');
    this.startYear = m ? Number(m[1]) : opts.yearStartsOn ? Number(opts.yearStartsOn.slice(0, 4)) : null;
  }

  get timezone(): string { return this.opts.timezone ?? 'Europe/Moscow'; }

  error(file: string, line: number | undefined, column: string | undefined, code: string, ru: string, en: string): void {
    this.issues.push(issue('error', code, { file, ...(line !== undefined ? { line } : {}), ...(column ? { column } : {}) }, ru, en));
  }

  warn(file: string, line: number | undefined, column: string | undefined, code: string, ru: string, en: string): void {
    this.issues.push(issue('warning', code, { file, ...(line !== undefined ? { line } : {}), ...(column ? { column } : {}) }, ru, en));
  }

  /** The end of a school day, local time of the school, as ISO with offset. */
  endOfDay(date: string): string {
    if (this.opts.enteredAt) return this.opts.enteredAt;
    let v = this.ends.get(date);
    if (v === undefined) {
      const [y, m, d] = date.split('-').map(Number);
      v = new TZDate(y!, m! - 1, d!, 23, 59, 0, this.timezone).toISOString().replace('.000', '');
      this.ends.set(date, v);
    }
    return v;
  }

  /** end of day per date: computed once (a zone conversion per mark would dominate big journals) */
  private ends = new Map<string, string>();

  /** Day and month of the academic year -> YYYY-MM-DD (Aug–Dec in its first year), or null. */
  dateOf(d: number, m: number, y?: number): string | null {
    const year = y ?? (this.startYear === null ? null : m >= 8 ? this.startYear : this.startYear + 1);
    if (year === null) return null;
    const t = new Date(Date.UTC(year, m - 1, d));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
    return t.toISOString().slice(0, 10);
  }
}

export const prov = (file: string, line: number, columns: Record<string, string>): Provenance => ({ file, line, columns });

/** dd.mm.yyyy, yyyy-mm-dd -> YYYY-MM-DD or null */
export function parseRuDate(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t.toISOString().slice(0, 10) : null;
}
