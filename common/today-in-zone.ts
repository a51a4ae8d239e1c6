// building an Intl.DateTimeFormat costs far more than formatting with it (it was most of a kept write's JS time)
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, f);
  }
  return f;
}

/** Today's date (YYYY-MM-DD) in a time zone (without one, the local zone), as `(now() at time zone tz)::date` gives it. */
export const todayIn = (timeZone?: string | null, now = new Date()): string => dayFormat(timeZone ?? undefined).format(now);
