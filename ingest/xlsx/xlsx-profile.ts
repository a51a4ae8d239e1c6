// Mapping profiles for spreadsheet exports of other journals (ingest/profiles/*.yaml, documented in
// ingest/profiles/README.md): which sheet, how to find the header row, which columns, date and mark
// symbols. Loaded and checked here; a broken profile is an error naming the profile and the key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ValidationError } from '../../common/errors';

export type ProfileKind = 'class_journal' | 'final_marks' | 'roster';
export type AttendanceStatus = 'absent' | 'sick' | 'excused' | 'late';

export interface PeriodTemplate {
  match: string;
  id: string;
  name: string;
  kind: 'quarter' | 'trimester' | 'half_year' | 'year' | 'module';
  /** MM-DD within the academic year (months 08–12 belong to its first calendar year) */
  starts: string;
  ends: string;
}

export interface XlsxProfile {
  id: string;
  title: string;
  kind: ProfileKind;
  /** regexes; every one must match a cell of the header row (case-insensitive, whole cell) */
  detect: string[];
  /** rows searched for the header (default 20) */
  headerSearchRows: number;
  /** field -> regex matching its header cell */
  columns: Record<string, string>;
  /** class_journal: a header cell that is a lesson date; named groups d, m and optional y */
  dateHeader?: string;
  /** final_marks: a header cell naming subject and period, named groups subject and period */
  finalHeader?: string;
  periods?: PeriodTemplate[];
  /** symbol as written -> mark value of the bundle */
  marks: Record<string, string>;
  attendance: Record<string, AttendanceStatus>;
  /** how several entries share one cell (default: spaces, `/`, `,`, `;`) */
  separator: string;
  /** regexes with one group, searched in the sheet name and the rows above the header */
  meta: Partial<Record<'class' | 'subject' | 'teacher' | 'classTeacher', string>>;
  file: string;
}

export const profilesDir = join(import.meta.dirname, '..', 'profiles');

function bad(file: string, key: string, what: string): never {
  throw new ValidationError('bad_profile', `Профиль ${file}: ключ «${key}» — ${what}`, `profile ${file}: key "${key}": ${what}`);
}

const checkRegex = (file: string, key: string, re: unknown): string => {
  if (typeof re !== 'string' || re === '') bad(file, key, 'нужна строка с регулярным выражением');
  try { new RegExp(re, 'iu'); } catch (e) { bad(file, key, `неверное регулярное выражение (${(e as Error).message})`); }
  return re;
};

export function parseProfile(text: string, file: string): XlsxProfile {
  let raw: Record<string, unknown>;
  try { raw = YAML.parse(text) as Record<string, unknown>; } catch (e) { bad(file, '(файл)', `не YAML: ${(e as Error).message}`); }
  if (!raw || typeof raw !== 'object') bad(file, '(файл)', 'пустой профиль');
  const kind = raw.kind as ProfileKind;
  if (!['class_journal', 'final_marks', 'roster'].includes(kind)) bad(file, 'kind', 'одно из class_journal, final_marks, roster');
  if (typeof raw.id !== 'string' || !/^[a-z0-9-]+$/.test(raw.id)) bad(file, 'id', 'латиница, цифры и дефис');
  const detect = raw.detect;
  if (!Array.isArray(detect) || detect.length === 0) bad(file, 'detect', 'список хотя бы из одного заголовка');
  const columns = (raw.columns ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(columns)) checkRegex(file, `columns.${k}`, v);
  if (!columns.student && !columns.last_name) bad(file, 'columns', 'нужен столбец student (ФИО) или last_name');
  if (kind === 'class_journal') checkRegex(file, 'dateHeader', raw.dateHeader);
  if (kind === 'final_marks') checkRegex(file, 'finalHeader', raw.finalHeader);
  const meta = (raw.meta ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(meta)) checkRegex(file, `meta.${k}`, v);
  const periods = (raw.periods ?? []) as PeriodTemplate[];
  periods.forEach((p, i) => {
    checkRegex(file, `periods[${i}].match`, p.match);
    if (!/^\d{2}-\d{2}$/.test(String(p.starts)) || !/^\d{2}-\d{2}$/.test(String(p.ends))) bad(file, `periods[${i}]`, 'starts/ends в виде ММ-ДД');
  });
  return {
    id: raw.id, title: String(raw.title ?? raw.id), kind, detect: detect.map((d, i) => checkRegex(file, `detect[${i}]`, d)),
    headerSearchRows: Number(raw.headerSearchRows ?? 20), columns: columns as Record<string, string>,
    ...(raw.dateHeader ? { dateHeader: String(raw.dateHeader) } : {}), ...(raw.finalHeader ? { finalHeader: String(raw.finalHeader) } : {}),
    periods, marks: Object.fromEntries(Object.entries((raw.marks ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)])),
    attendance: Object.fromEntries(Object.entries((raw.attendance ?? {}) as Record<string, AttendanceStatus>).map(([k, v]) => [k.toLowerCase(), v])),
    separator: String(raw.separator ?? '[\\s/,;]+'), meta: meta as XlsxProfile['meta'], file,
  };
}

let cache: XlsxProfile[] | null = null;

/** The shipped profiles (ingest/profiles/*.yaml), sorted by id. */
export function loadProfiles(dir = profilesDir): XlsxProfile[] {
  if (dir === profilesDir && cache) return cache;
  const list = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
    .map((f) => parseProfile(readFileSync(join(dir, f), 'utf8'), f));
  if (dir === profilesDir) cache = list;
  return list;
}

export const headerMatches = (re: string, cell: string): boolean => new RegExp(`^(?:${re})$`, 'iu').test(cell.trim().replace(/\s+/g, ' '));
