import { createHash, randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterCommit } from '../../ingest/audit/serialized-write';
import { sqlRows, sqlRun } from '../../ingest/entry/sql-rows';

export const sessionCookie = 'svodka_session';
/** a session ends 12 h after login, or after 30 min without a request */
export const sessionLifetimeMs = 12 * 3600_000;
export const sessionIdleSeconds = 30 * 60;
/** last_seen_at is written at most once a minute */
const touchEveryMs = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  user_id: string;
  csrf_token: string;
  last_seen_ms: string;
  expires_ms: string;
  expired: boolean;
  disabled: boolean;
  must_change_password: boolean;
}

// Sessions found are kept in memory (api/auth/session-cache.ts); every write of a session or of the
// account fields a session answers with forgets them once it commits.
let generation = 0;
/** Bumped after every committed change of sessions or of accounts' disabled / must-change flags. */
export const sessionGeneration = () => generation;
const changed = (conn: DuckDBConnection) => afterCommit(conn, () => {
  generation += 1;
});

export async function createSession(conn: DuckDBConnection, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await sqlRun(conn, 'auth/session-insert', {
    token_hash: hashToken(token), user_id: userId, csrf_token: csrfToken,
    expires_at: new Date(Date.now() + sessionLifetimeMs).toISOString(),
  });
  return { token, csrfToken };
}

export async function findSession(conn: DuckDBConnection, token: string): Promise<SessionRow | undefined> {
  const [row] = await sqlRows<SessionRow>(conn, 'auth/session-find', { token_hash: hashToken(token), idle_seconds: sessionIdleSeconds });
  return row;
}

export const needsTouch = (s: SessionRow) => Date.now() - Number(s.last_seen_ms) > touchEveryMs;

/** Moves last_seen_at to now; a kept session is updated by the caller (sessionTouched), not forgotten. */
export async function touchSession(conn: DuckDBConnection, token: string): Promise<number> {
  return sqlRun(conn, 'auth/session-touch', { token_hash: hashToken(token) });
}
export async function deleteSession(conn: DuckDBConnection, token: string): Promise<number> {
  changed(conn);
  return sqlRun(conn, 'auth/session-delete', { token_hash: hashToken(token) });
}
export async function deleteUserSessions(conn: DuckDBConnection, userId: string): Promise<number> {
  changed(conn);
  return sqlRun(conn, 'auth/session-delete-user', { user_id: userId });
}
/** Call when an account's disabled or must-change-password flag changes (inside its write). */
export const accountFlagsChanged = changed;
