import type { MapContext } from './map-context';
import type { OneRosterRow } from './read-oneroster';

export interface SchoolOrg { id: string; name: string; row: OneRosterRow | null }
export interface PeriodRow { period_id: string; name: string; kind: string; starts_on: string; ends_on: string; row: OneRosterRow }
export interface SchoolYear { academicYear: string; startsOn: string; endsOn: string; periods: PeriodRow[] }

const kinds: Record<string, string> = { schoolyear: 'year', semester: 'half_year', gradingperiod: 'quarter', term: 'module' };

/** Orgs of type school; when there are none, the orgs that classes name as their school. */
export function findSchools(ctx: MapContext): SchoolOrg[] {
  const orgs = ctx.active('orgs');
  const schools = orgs.filter((o) => (o.v.type ?? '').toLowerCase() === 'school');
  if (schools.length) return schools.map((o) => ({ id: o.v.sourcedId!, name: o.v.name || o.v.sourcedId!, row: o }));
  const named = new Set(ctx.active('classes').map((c) => c.v.schoolSourcedId ?? '').filter(Boolean));
  const found = orgs.filter((o) => named.has(o.v.sourcedId ?? ''));
  for (const o of found) {
    ctx.warn('orgs', o, 'type', 'org_as_school', `организация «${o.v.name}» имеет тип ${o.v.type}, но классы указывают её как свою школу (schoolSourcedId) — она принята за школу`,
      `org of type ${o.v.type} is named as school by classes; treated as the school`);
  }
  return found.map((o) => ({ id: o.v.sourcedId!, name: o.v.name || o.v.sourcedId!, row: o }));
}

/** Periods from academicSessions; the year spans them all (or the options when there are none). */
export function readSchoolYear(ctx: MapContext): SchoolYear | null {
  const periods: PeriodRow[] = [];
  for (const s of ctx.active('academicSessions')) {
    const starts = ctx.date('academicSessions', s, 'startDate');
    const ends = ctx.date('academicSessions', s, 'endDate');
    if (starts === null || ends === null) continue;
    const ext = s.v.ext_svodka_kind ?? '';
    const kind = Object.values(kinds).includes(ext) || ext === 'trimester' ? ext : kinds[(s.v.type ?? '').toLowerCase()];
    if (!kind) {
      ctx.error('academicSessions', s, 'type', 'bad_enum', `тип периода «${s.v.type}» не из стандарта (schoolYear, semester, term, gradingPeriod)`,
        `unknown session type "${s.v.type}"`);
      continue;
    }
    if (!starts || !ends) {
      ctx.error('academicSessions', s, starts ? 'endDate' : 'startDate', 'missing_required', 'не указана дата', 'date missing');
      continue;
    }
    if (starts > ends) {
      ctx.error('academicSessions', s, 'endDate', 'bad_range', `период заканчивается (${ends}) раньше, чем начинается (${starts})`, 'endDate before startDate');
      continue;
    }
    periods.push({ period_id: s.v.sourcedId!, name: s.v.title || s.v.sourcedId!, kind, starts_on: starts, ends_on: ends, row: s });
  }
  let startsOn = ctx.opts.yearStartsOn ?? '';
  let endsOn = ctx.opts.yearEndsOn ?? '';
  if (!startsOn || !endsOn) {
    if (!periods.length) return null;
    startsOn = periods.reduce((m, p) => (p.starts_on < m ? p.starts_on : m), periods[0]!.starts_on);
    endsOn = periods.reduce((m, p) => (p.ends_on > m ? p.ends_on : m), periods[0]!.ends_on);
  }
  const y = Number(startsOn.slice(0, 4));
  const first = Number(startsOn.slice(5, 7)) >= 7 ? y : y - 1;
  return { academicYear: `${first}/${first + 1}`, startsOn, endsOn, periods };
}
