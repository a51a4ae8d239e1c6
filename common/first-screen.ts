// The first screen's data in one round trip (api/routes/dashboard-first-screen.ts answers it,
// dashboard/public/boot.js asks for it, dashboard/src/api/http.ts hands its answers to the app once).

export const firstScreenPath = '/api/v1/dashboard/first-screen';

/** One api answer as the route gave it. */
export interface FirstScreenAnswer { status: number; body: unknown }
/** `answers` keyed by answerKey(url of the api call). */
export interface FirstScreen {
  answers: Record<string, FirstScreenAnswer>;
  /** today's date (YYYY-MM-DD) by time zone, for the schools answered */
  today: Record<string, string>;
}

/** The same call whatever the order of its query parameters. */
export function answerKey(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = [...new URLSearchParams(url.slice(q + 1))].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return params.length ? `${url.slice(0, q)}?${new URLSearchParams(params).toString()}` : url.slice(0, q);
}

/** Where each role lands after logging in (and from `/`). */
export const homeOf = {
  director: '/director', deputy: '/deputy', class_teacher: '/class', teacher: '/teacher',
  guardian: '/diary', student: '/diary', admin: '/admin', district: '/district',
} as const satisfies Record<string, string>;

/** Roles whose staff screens start from the school's reference lists. */
export const staffScreen = (role: string): boolean => role !== 'guardian' && role !== 'student';

/** Screens whose first chart comes with the first-screen answer, and who may open them (as the router). */
export const firstChartScreens: Record<string, readonly string[]> = {
  '/director': ['director', 'deputy', 'admin', 'district'],
};

/** The director's first chart: pass and quality by class, exactly as PassQualityCard asks for it. */
export function firstChartQuery(school: string, period: string, asOf: string | null): Record<string, string> {
  return { schoolId: school, period, ...(asOf ? { as_of: asOf } : {}), by: 'class' };
}
export const firstChartMetric = 'M-PASS';
