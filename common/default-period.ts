// The period a screen shows when the URL names none. One function for the dashboard and the server
// (which prepares the director's first chart for the first-screen answer), so both ask for the same.

export interface PeriodLike { id: string; kind: string; startsOn: string; endsOn: string }
export interface SchoolPeriods<P extends PeriodLike = PeriodLike> {
  school: { timezone: string; yearEndsOn: string };
  periods: readonly P[];
}

// ISO dates compare as plain strings (no localeCompare: no ICU collator on the first screen's path)
const desc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The latest (non-year) period ended by the date — finals, pass and quality exist only for ended
 * periods — else the one holding the date, else the first.
 */
export function currentPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | null {
  const short = periods.filter((p) => p.kind !== 'year');
  const ended = short.filter((p) => p.endsOn <= today).sort((a, b) => desc(a.endsOn, b.endsOn) || desc(a.startsOn, b.startsOn));
  return ended[0] ?? short.find((p) => p.startsOn <= today && today <= p.endsOn) ?? short[0] ?? periods[0] ?? null;
}

/** The default period's id as of `asOf` (else `today`, the date in the school's zone); past the year, its last day. */
export function defaultPeriodId(r: SchoolPeriods, asOf: string | null, today: string): string | null {
  const day = asOf ?? today;
  return currentPeriod(r.periods, day > r.school.yearEndsOn ? r.school.yearEndsOn : day)?.id ?? null;
}
