import { NotAuthenticated } from '../../common/errors';
import { withPooledConnection, type Warehouse } from '../../warehouse/open-warehouse';
import type { Caller } from '../caller';
import { findAccountById } from './accounts';
import { resolveCaller } from './resolve-caller';

// Entitlements are read from the journal data; a few seconds of caching spares the queries on every
// request of a busy teacher. Account changes forget the entry at once (forgetCaller).
const ttlMs = 5_000;
const cache = new Map<string, { caller: Caller; at: number; path: string }>();

export async function callerFor(warehouse: Warehouse, userId: string): Promise<Caller> {
  const hit = cache.get(userId);
  if (hit && hit.path === warehouse.path && Date.now() - hit.at < ttlMs) return hit.caller;
  const caller = await withPooledConnection(warehouse, async (conn) => {
    const account = await findAccountById(conn, userId);
    if (!account || account.disabled) throw new NotAuthenticated('not_authenticated', 'Войдите в систему: учётная запись недоступна', 'account missing or disabled');
    return resolveCaller(conn, account);
  });
  cache.set(userId, { caller, at: Date.now(), path: warehouse.path });
  return caller;
}

export function forgetCaller(userId?: string): void {
  if (userId) cache.delete(userId);
  else cache.clear();
}
