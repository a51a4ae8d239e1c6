import { issue, type ConvertIssue } from './convert-issue';
import { addRow, emptyRequiredFiles, newDraft, type BundleDraft } from './bundle-draft';
import { MapContext, type OneRosterOptions } from './map-context';
import { collectClasses, mapClasses } from './map-oneroster-classes';
import { mapGradebook } from './map-oneroster-gradebook';
import { indexPeople, mapPeople } from './map-oneroster-people';
import { findSchools, readSchoolYear } from './map-oneroster-year';
import { readOneRoster } from './read-oneroster';
import { readSourceFiles } from './read-source-files';
import { convertWithNativeResults } from './native-results';

export interface OneRosterConversion {
  version: string;
  /** the manifest declares delta files: they change a school, they do not describe it whole */
  delta: boolean;
  drafts: BundleDraft[];
  issues: ConvertIssue[];
  /** removes the files a native read spilled to disk (no-op otherwise) */
  dispose?: () => void;
}

/**
 * A OneRoster 1.1/1.2 CSV export (folder or zip) -> one bundle draft per school, with provenance.
 * A big results.csv is read by DuckDB (native-results.ts); call `dispose` when done with the drafts.
 */
export async function convertOneRoster(path: string, opts: OneRosterOptions = {}): Promise<OneRosterConversion> {
  const files = readSourceFiles(path);
  return (await convertWithNativeResults(path, files, opts)) ?? convertOneRosterFiles(files, opts);
}

export function convertOneRosterFiles(files: Map<string, Uint8Array>, opts: OneRosterOptions = {}): OneRosterConversion {
  const ctx = new MapContext(readOneRoster(files), opts);
  const result = mapOneRoster(ctx);
  finishConversion(ctx, result);
  return result;
}

/** Everything but the last pass: with `ctx.deferResults` set, results wait for it (native-results.ts). */
export function mapOneRoster(ctx: MapContext): OneRosterConversion {
  const { src, opts } = ctx;
  const version = src.manifest['oneroster.version'] ?? '';
  const delta = Object.entries(src.manifest).some(([k, v]) => k.startsWith('file.') && v.trim().toLowerCase() === 'delta');
  const result: OneRosterConversion = { version, delta, drafts: [], issues: ctx.issues };
  if (src.issues.some((i) => i.severity === 'error' && (i.code === 'missing_file' || i.code === 'csv_syntax' || i.code === 'duplicate_header' || i.code === 'empty_file'))) {
    return result;
  }
  if (version && !/^1\.[12]$/.test(version)) {
    ctx.issues.push(issue('warning', 'oneroster_version', { file: 'manifest.csv' }, `версия OneRoster «${version}»; читается как 1.1/1.2`, `OneRoster version ${version} read as 1.1/1.2`));
  }
  const year = readSchoolYear(ctx);
  if (!year) {
    ctx.issues.push(issue('error', 'no_school_year', { file: src.tables.academicSessions?.name ?? 'academicSessions.csv' },
      'нет ни одного учебного периода — не определить учебный год; добавьте academicSessions или укажите даты года при импорте',
      'no academic sessions: the school year is unknown (pass yearStartsOn/yearEndsOn)'));
    return result;
  }
  const schools = findSchools(ctx);
  if (!schools.length) {
    ctx.issues.push(issue('error', 'no_school', { file: src.tables.orgs?.name ?? 'orgs.csv' },
      'нет организации с типом school, и классы не указывают свою школу', 'no org of type school'));
    return result;
  }
  if (!opts.timezone) {
    ctx.issues.push(issue('warning', 'timezone_assumed', { file: 'manifest.csv' },
      'OneRoster не передаёт часовой пояс школы; принят Europe/Moscow — укажите другой при импорте, если он иной',
      'OneRoster carries no time zone; Europe/Moscow assumed'));
  }
  if (opts.schoolId && schools.length !== 1) {
    ctx.issues.push(issue('error', 'several_schools', { file: src.tables.orgs?.name ?? 'orgs.csv' },
      `в выгрузке ${schools.length} школ (${schools.map((s) => s.id).join(', ')}), а загрузить можно только одну — в школу ${opts.schoolId}`,
      `export holds ${schools.length} schools; one expected`));
    return result;
  }
  const people = indexPeople(ctx);
  for (const school of schools) {
    const draft = newDraft(opts.schoolId ?? school.id);
    Object.assign(draft.manifest, {
      school_name: school.name, timezone: opts.timezone ?? 'Europe/Moscow', academic_year: year.academicYear,
      year_starts_on: year.startsOn, year_ends_on: year.endsOn, mark_scale: opts.markScale ?? 'five_point',
      source_system: sourceSystem(version, src.manifest['source.systemName']),
    });
    for (const p of year.periods) {
      addRow(draft, 'periods', { period_id: p.period_id, name: p.name, kind: p.kind, starts_on: p.starts_on, ends_on: p.ends_on },
        { file: src.tables.academicSessions!.name, line: p.row.line, columns: { period_id: 'sourcedId', name: 'title', kind: 'type', starts_on: 'startDate', ends_on: 'endDate' } });
    }
    const sc = collectClasses(ctx, people, school.id);
    const { staff, students } = mapPeople(ctx, people, school.id, draft, sc.studentIds, sc.teacherIds);
    const groups = mapClasses(ctx, sc, draft, year.startsOn, staff, students);
    mapGradebook(ctx, draft, groups, students);
    result.drafts.push(draft);
  }
  return result;
}

/** Skipped records and absent data, once every row is mapped. */
export function finishConversion(ctx: MapContext, result: OneRosterConversion): void {
  if (!result.drafts.length) return;
  ctx.reportSkipped();
  const absent = new Set(result.drafts.flatMap(emptyRequiredFiles));
  if (absent.size) {
    ctx.issues.push(issue('warning', 'absent_in_source', { file: 'manifest.csv' },
      `OneRoster не содержит этих данных, они не выдумываются и записаны пустыми: ${[...absent].join(', ')}`,
      `not carried by OneRoster, written empty: ${[...absent].join(', ')}`));
  }
}

const sourceSystem = (version: string, name: string | undefined): string =>
  `OneRoster ${version}${name && name.toLowerCase() !== 'absent' ? ` (${name})` : ''}`.trim();
