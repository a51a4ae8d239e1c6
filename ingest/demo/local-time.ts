// Dates as day numbers (days since 1970-01-01) and instants as "local seconds" (seconds since
// 1970-01-01 00:00 on the school's wall clock). Russian zones have had fixed offsets since 2014, so a
// local instant plus the zone's offset renders an exact ISO 8601 timestamp.

export const schoolZones: readonly { zone: string; offsetMinutes: number }[] = [
  { zone: 'Europe/Moscow', offsetMinutes: 180 },
  { zone: 'Asia/Yekaterinburg', offsetMinutes: 300 },
  { zone: 'Asia/Vladivostok', offsetMinutes: 600 },
  { zone: 'Asia/Novosibirsk', offsetMinutes: 420 },
  { zone: 'Europe/Samara', offsetMinutes: 240 },
  { zone: 'Asia/Irkutsk', offsetMinutes: 480 },
  { zone: 'Europe/Kaliningrad', offsetMinutes: 120 },
  { zone: 'Asia/Omsk', offsetMinutes: 360 },
  { zone: 'Asia/Yakutsk', offsetMinutes: 540 },
  { zone: 'Asia/Kamchatka', offsetMinutes: 720 },
];

export const DAY = 86_400;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export const dayOf = (iso: string): number => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);

const dateCache = new Map<number, string>();
export function isoDate(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}

/** 0 = Monday … 6 = Sunday */
export const weekday = (day: number): number => (day + 3) % 7;

export const clock = (minutesOfDay: number): string => `${pad(Math.floor(minutesOfDay / 60))}:${pad(minutesOfDay % 60)}`;

export const offsetText = (offsetMinutes: number): string =>
  `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;

/** local seconds -> `2025-09-10T23:30:00+05:00` */
export function timestampText(localSeconds: number, offset: string): string {
  const day = Math.floor(localSeconds / DAY);
  const s = localSeconds - day * DAY;
  return `${isoDate(day)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}${offset}`;
}

export const at = (day: number, minutesOfDay: number): number => day * DAY + minutesOfDay * 60;
/** "the end of day D" = 00:00 local of D + 1 */
export const endOfDay = (day: number): number => (day + 1) * DAY;

/** moves an instant between 00:00 and 07:00 into 07:00–08:00 of the same day (people enter late records by day) */
export function daytime(localSeconds: number): number {
  const s = ((localSeconds % DAY) + DAY) % DAY;
  return s < 7 * 3600 ? localSeconds - s + 7 * 3600 + (s % 3600) : localSeconds;
}
