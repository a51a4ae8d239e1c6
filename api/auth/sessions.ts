import { createHash, randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
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
  expired: boolean;
  disabled: boolean;
  must_change_password: boolean;
}

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

export const touchSession = (conn: DuckDBConnection, token: string) => sqlRun(conn, 'auth/session-touch', { token_hash: hashToken(token) });
export const deleteSession = (conn: DuckDBConnection, token: string) => sqlRun(conn, 'auth/session-delete', { token_hash: hashToken(token) });
export const deleteUserSessions = (conn: DuckDBConnection, userId: string) => sqlRun(conn, 'auth/session-delete-user', { user_id: userId });
