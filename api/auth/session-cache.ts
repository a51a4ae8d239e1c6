import { createHash } from 'node:crypto';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { withPooledConnection } from '../../warehouse/open-warehouse';
import { findSession, sessionGeneration, sessionIdleSeconds, type SessionRow } from './sessions';

// The session of every request was one query; a busy teacher sends the same cookie again and again.
// A found session is kept (per warehouse and cookie) until any session or account-flag write commits
// (sessionGeneration) or for at most a minute; whether it has expired is recomputed from its
// stored times on every request, as session-find.sql computes it. Only this process writes the file
// (DESIGN.md), so the generation sees every change. Unknown cookies are never kept.
const maxAgeMs = 60_000;
const maxEntries = 10_000;

interface Entry { row: SessionRow; generation: number; at: number }
const caches = new WeakMap<Warehouse, Map<string, Entry>>();

const key = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function cachedSession(warehouse: Warehouse, token: string): Promise<SessionRow | undefined> {
  let cache = caches.get(warehouse);
  if (!cache) caches.set(warehouse, (cache = new Map()));
  const k = key(token);
  const now = Date.now();
  const hit = cache.get(k);
  if (hit && hit.generation === sessionGeneration() && now - hit.at < maxAgeMs) return { ...hit.row, expired: expiredAt(hit.row, now) };
  const generation = sessionGeneration();
  const row = await withPooledConnection(warehouse, (conn) => findSession(conn, token));
  // a write that committed while we read may have changed the row: keep only what no write followed
  if (row && generation === sessionGeneration()) {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(k, { row, generation, at: now });
  } else cache.delete(k);
  return row;
}

/**
 * After the session's last_seen_at was moved (committed) at or after `at`: the kept copy moves to `at`,
 * never later than the stored time, so it never counts a session alive that the table counts idle.
 */
export function sessionTouched(warehouse: Warehouse, token: string, at: number): void {
  const hit = caches.get(warehouse)?.get(key(token));
  if (hit) hit.row = { ...hit.row, last_seen_ms: String(at) };
}

const expiredAt = (s: SessionRow, now: number) =>
  Number(s.expires_ms) <= now || Number(s.last_seen_ms) + sessionIdleSeconds * 1000 <= now;
