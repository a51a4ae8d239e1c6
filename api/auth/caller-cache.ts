import { NotAuthenticated } from '../../common/errors';
import { withPooledConnection, type Warehouse } from '../../warehouse/open-warehouse';
import type { Caller } from '../caller';
import { findAccountById } from './accounts';
import { resolveCaller } from './resolve-caller';

// Entitlements are read from the journal data; a few seconds of caching spares the queries on every
// request of a busy teacher. Account changes forget the entry at once (forgetCaller). An entry in
// the last second of its life is read again in the background, so that a busy caller does not wait
// for the read every few seconds; no entry older than ttlMs is ever served.
const ttlMs = 5_000;
const refreshAfterMs = 4_000;
const cache = new Map<string, { caller: Caller; at: number; path: string; refreshing?: boolean }>();
let generation = 0;

const read = (warehouse: Warehouse, userId: string) => withPooledConnection(warehouse, async (conn) => {
  const account = await findAccountById(conn, userId);
  if (!account || account.disabled) throw new NotAuthenticated('not_authenticated', 'Войдите в систему: учётная запись недоступна', 'account missing or disabled');
  return resolveCaller(conn, account);
});

async function load(warehouse: Warehouse, userId: string): Promise<Caller> {
  const g = generation;
  const at = Date.now();
  const caller = await read(warehouse, userId);
  // an account change while we read: do not keep what we read
  if (g === generation) cache.set(userId, { caller, at, path: warehouse.path });
  return caller;
}

export async function callerFor(warehouse: Warehouse, userId: string): Promise<Caller> {
  const hit = cache.get(userId);
  const age = hit ? Date.now() - hit.at : Infinity;
  if (hit && hit.path === warehouse.path && age < ttlMs) {
    if (age >= refreshAfterMs && !hit.refreshing) {
      hit.refreshing = true;
      load(warehouse, userId).catch(() => cache.delete(userId));
    }
    return hit.caller;
  }
  return load(warehouse, userId);
}

export function forgetCaller(userId?: string): void {
  generation += 1;
  if (userId) cache.delete(userId);
  else cache.clear();
}
