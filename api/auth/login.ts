import type { Warehouse } from '../../warehouse/open-warehouse';
import { NotAuthenticated } from '../../common/errors';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { sqlRun } from '../../ingest/entry/sql-rows';
import type { Account } from './account';
import { findAccount } from './accounts';
import { forgetCaller } from './caller-cache';
import { hashPassword, verifyPassword } from './password';
import { createSession, deleteSession } from './sessions';

export const maxFailures = 5;
export const lockoutMs = 15 * 60_000;

// verified against when the login does not exist, so that timing does not tell which logins exist
const dummyHash = hashPassword('no such account, constant work');

const wrong = () => new NotAuthenticated('invalid_credentials', 'Неверный логин или пароль', 'invalid credentials');

export interface LoginResult {
  account: Account;
  token: string;
  csrfToken: string;
}

/**
 * Checks the password and opens a new session. Any session the client presented is ended first
 * (no session fixation). After `maxFailures` wrong passwords in a row the account is locked for
 * `lockoutMs`, even for the right password.
 */
export async function login(warehouse: Warehouse, input: { login: string; password: string; ip: string; oldToken?: string }): Promise<LoginResult> {
  const account = await warehouse.withConnection((conn) => findAccount(conn, input.login));
  if (!account) {
    await verifyPassword(input.password, await dummyHash);
    await record(warehouse, input, false);
    throw wrong();
  }
  const lockedUntil = account.locked_until_ms ? Number(account.locked_until_ms) : 0;
  if (lockedUntil > Date.now()) {
    await record(warehouse, input, false);
    const minutes = Math.ceil((lockedUntil - Date.now()) / 60_000);
    throw new NotAuthenticated('account_locked',
      `Вход заблокирован после ${maxFailures} неверных попыток. Повторите через ${minutes} мин. или обратитесь к администратору`,
      'account locked', { retryAfterMinutes: minutes });
  }
  const ok = !account.disabled && (await verifyPassword(input.password, account.password_hash));
  if (!ok) {
    await serializedWrite(warehouse, async (conn) => {
      await sqlRun(conn, 'auth/user-login-failed', { user_id: account.user_id, max: maxFailures, locked_until: new Date(Date.now() + lockoutMs).toISOString() });
      await sqlRun(conn, 'auth/login-attempt-insert', { login: input.login, ip: input.ip, ok: false });
    });
    throw wrong();
  }
  const session = await serializedWrite(warehouse, async (conn) => {
    if (input.oldToken) await deleteSession(conn, input.oldToken);
    await sqlRun(conn, 'auth/user-login-ok', { user_id: account.user_id });
    await sqlRun(conn, 'auth/login-attempt-insert', { login: input.login, ip: input.ip, ok: true });
    return createSession(conn, account.user_id);
  });
  forgetCaller(account.user_id);
  return { account, ...session };
}

const record = (warehouse: Warehouse, input: { login: string; ip: string }, ok: boolean) =>
  serializedWrite(warehouse, (conn) => sqlRun(conn, 'auth/login-attempt-insert', { login: input.login, ip: input.ip, ok }));
