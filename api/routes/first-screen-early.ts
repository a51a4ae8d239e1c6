import type { FastifyInstance, FastifyRequest } from 'fastify';
import { screenPages } from './dashboard-index-html';
import { firstScreenAnswer } from './dashboard-first-screen';
import { dataVersion } from '../../warehouse/data-version';
import type { Warehouse } from '../../warehouse/open-warehouse';

/** How long an answer started with the page waits for the page's own request for it. */
const keepMs = 5_000;

interface Early { at: number; version: number; answer: Promise<string> }
const started = new WeakMap<Warehouse, Map<string, Early>>();
/** computations still running, awaited before the app closes (DuckDB must not close under a query) */
const running = new WeakMap<Warehouse, Set<Promise<unknown>>>();

const sessionOf = (req: FastifyRequest): string | null => /(?:^|;\s*)svodka_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
const keyOf = (session: string, path: string) => `${session}\n${path}`;

/**
 * The first-screen answer for a page the server is just sending (dashboard-index-html.ts): started
 * with the page, for a request that carries a session, so that it is under way while the browser
 * parses the page and asks for it. Taken once, by a request with the same session cookie and path,
 * within 5 s, and only if no write changed the data since it was started; otherwise computed anew.
 */
export function startEarly(warehouse: Warehouse, req: FastifyRequest, path: string, compute: () => Promise<string>): void {
  const session = sessionOf(req);
  if (!session || req.method !== 'GET') return;
  let byKey = started.get(warehouse);
  if (!byKey) started.set(warehouse, (byKey = new Map()));
  const now = Date.now();
  for (const [k, e] of byKey) if (now - e.at > keepMs) byKey.delete(k);
  const answer = compute();
  let inFlight = running.get(warehouse);
  if (!inFlight) running.set(warehouse, (inFlight = new Set()));
  const done = answer.catch(() => undefined);
  inFlight.add(done);
  void done.then(() => inFlight.delete(done));
  byKey.set(keyOf(session, path), { at: now, version: dataVersion(warehouse), answer });
}

/** The answer started with the page for this caller and path, if it is still good (taken once). */
export function takeEarly(warehouse: Warehouse, req: FastifyRequest, path: string): Promise<string> | null {
  const session = sessionOf(req);
  const byKey = started.get(warehouse);
  if (!session || !byKey) return null;
  const key = keyOf(session, path);
  const early = byKey.get(key);
  byKey.delete(key);
  if (!early || Date.now() - early.at > keepMs || early.version !== dataVersion(warehouse)) return null;
  return early.answer;
}


/** For the dashboard's page served at `req.url`: starts its first-screen answer when it is a screen. */
export function startEarlyForPage(app: FastifyInstance, warehouse: Warehouse, req: FastifyRequest): void {
  const target = new URL(req.url, 'http://screen');
  if (target.pathname !== '/' && !(target.pathname in screenPages)) return;
  const path = target.pathname + target.search;
  startEarly(warehouse, req, path, () => firstScreenAnswer(app, req.headers.cookie ?? '', path));
}

/** Resolves once no answer started with a page is still being computed. */
export async function earlySettled(warehouse: Warehouse): Promise<void> {
  await Promise.all(running.get(warehouse) ?? []);
}
