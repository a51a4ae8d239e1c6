import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../app';
import { warmUp } from '../../warehouse/warm-up';
import { earlySettled, takeEarly } from './first-screen-early';
import { defaultPeriodId, type SchoolPeriods } from '../../common/default-period';
import { answerKey, homeOf, firstChartMetric, firstChartQuery, firstChartScreens, firstScreenPath, staffScreen } from '../../common/first-screen';
import { todayIn } from '../../common/today-in-zone';

const Query = Type.Object({ path: Type.Optional(Type.String({ maxLength: 2000 })) });

const text = (v: string | null): string | null => (v ? v : null);

/**
 * Everything the screen at `path` asks for first, in one round trip: the session (`/auth/me`), for
 * staff the school's reference lists, and for the director's screen its first chart. Each is the
 * answer of the route itself (run by `inject` with the caller's cookie), so its access and scope
 * checks and its response cache apply unchanged; the app uses these answers for its first
 * navigation only. Without a session: 401, as `/auth/me`.
 */
export async function dashboardFirstScreenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // a listening server reads the first chart's mart once in the background (warehouse/warm-up.ts);
  // closing waits for it and for answers started with a page, since DuckDB must not be closed under a query
  let warming: Promise<unknown> = Promise.resolve();
  app.server.once('listening', () => { warming = warmUp(ctx.warehouse); });
  app.addHook('onClose', async () => { await warming; await earlySettled(ctx.warehouse); });

  app.get<{ Querystring: { path?: string } }>(firstScreenPath, {
    config: { access: { roles: 'any', scope: 'self' } },
    schema: { querystring: Query },
  }, async (req, reply) => {
    const path = req.query.path ?? '/';
    // started with the page itself when the page came with this session (first-screen-early.ts)
    const answer = await (takeEarly(ctx.warehouse, req, path) ?? firstScreenAnswer(app, req.headers.cookie ?? '', path));
    reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
    return answer;
  });
}

/** The first-screen answer (JSON text) for the screen at `path`, as the caller with `cookie` gets it. */
export async function firstScreenAnswer(app: FastifyInstance, cookie: string, path: string): Promise<string> {
  const headers = { cookie };
  const parts: string[] = [];
  const today: Record<string, string> = {};
  const ask = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    // the answer's JSON goes out as it came (no parse and re-serialization of the reference lists)
    parts.push(`${JSON.stringify(answerKey(url))}:{"status":${res.statusCode},"body":${res.body || 'null'}}`);
    return res.statusCode === 200 ? res.json() : null;
  };
  const target = new URL(path, 'http://screen');
  const me = await ask('/api/v1/auth/me') as { role: string; allowed?: { schools?: string[] | null } } | null;
  const school = text(target.searchParams.get('school')) ?? me?.allowed?.schools?.[0] ?? null;
  if (me && school && staffScreen(me.role)) {
    const reference = await ask(`/api/v1/dashboard/reference?${new URLSearchParams({ schoolId: school })}`) as SchoolPeriods | null;
    const screen = target.pathname === '/' ? (homeOf as Record<string, string>)[me.role] ?? '/' : target.pathname;
    if (reference) today[reference.school.timezone] = todayIn(reference.school.timezone);
    if (reference && firstChartScreens[screen]?.includes(me.role)) {
      const asOf = text(target.searchParams.get('as_of'));
      const period = text(target.searchParams.get('period')) ?? defaultPeriodId(reference, asOf, today[reference.school.timezone]!);
      if (period) await ask(`/api/v1/metrics/${firstChartMetric}?${new URLSearchParams(firstChartQuery(school, period, asOf))}`);
    }
  }
  // `today`: the date in the school's zone, so that the app's first screen needs no Intl (ICU) for it
  return `{"answers":{${parts.join(',')}},"today":${JSON.stringify(today)}}`;
}
