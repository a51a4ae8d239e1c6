import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../caller';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { dataVersion } from '../../warehouse/data-version';

// Serialized answers of the dashboard's read routes, per warehouse and data version. A key names the
// route, the query, the caller's scope and the quarter-hour (answers without `as_of` mean "today" in
// the school's zone, and every zone's midnight falls on a quarter-hour of UTC). Any write bumps the
// version and drops every entry; identical requests in flight share one computation.
const limits = { entries: 2_000, bytes: 64 * 1024 * 1024 };

/** Changes the bounds (tests); returns the previous ones. */
export function setCacheLimits(next: { entries: number; bytes: number }): { entries: number; bytes: number } {
  const previous = { ...limits };
  Object.assign(limits, next);
  return previous;
}
const quarterHourMs = 15 * 60_000;

interface Store { version: number; bytes: number; entries: Map<string, Promise<string>>; sizes: Map<string, number> }
const stores = new WeakMap<Warehouse, Store>();

function storeOf(warehouse: Warehouse): Store {
  const version = dataVersion(warehouse);
  let s = stores.get(warehouse);
  if (!s || s.version !== version) {
    s = { version, bytes: 0, entries: new Map(), sizes: new Map() };
    stores.set(warehouse, s);
  }
  return s;
}

/** What a caller may see, as part of a key: two callers with the same scope get the same answers. */
export function scopeKey(c: Caller): string {
  const scope = JSON.stringify([c.role, c.aggregatesOnly, c.allowedSchools, c.allowedClasses, c.allowedGroups, c.allowedStudents]);
  return createHash('sha1').update(scope).digest('base64url');
}

export function responseKey(req: FastifyRequest, caller: Caller, now = Date.now(), stamp = ''): string {
  const query = Object.entries((req.query ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([req.routeOptions.url, req.params ?? {}, query, scopeKey(caller), Math.floor(now / quarterHourMs), stamp]);
}

/**
 * Replies with the cached JSON of this request when the data has not changed since it was computed,
 * else computes it (once for identical concurrent requests), serializes it with the route's schema
 * and keeps it. Errors are not kept. `stamp`: for answers that read raw.* as well, a cheap reading of
 * whether raw.* changed (read before computing, so a change during the computation is a later key).
 */
export async function cachedReply(req: FastifyRequest, reply: FastifyReply, warehouse: Warehouse, caller: Caller,
  compute: () => Promise<unknown>, stamp?: () => Promise<string>): Promise<FastifyReply> {
  const store = storeOf(warehouse);
  const key = responseKey(req, caller, Date.now(), stamp ? await stamp() : '');
  let body = store.entries.get(key);
  if (body) {
    store.entries.delete(key);
    store.entries.set(key, body);
  } else {
    body = compute().then((value) => reply.serialize(value) as string);
    store.entries.set(key, body);
    body.then((text) => keep(store, key, text.length), () => forget(store, key));
  }
  const text = await body;
  return reply.type('application/json; charset=utf-8').send(text);
}

function keep(store: Store, key: string, size: number): void {
  if (!store.entries.has(key)) return;
  store.sizes.set(key, size);
  store.bytes += size;
  for (const old of store.entries.keys()) {
    if (store.entries.size <= limits.entries && store.bytes <= limits.bytes) break;
    if (old !== key) forget(store, old);
  }
}

function forget(store: Store, key: string): void {
  store.entries.delete(key);
  store.bytes -= store.sizes.get(key) ?? 0;
  store.sizes.delete(key);
}

/** Entries held for a warehouse at its current version (tests). */
export const cachedEntries = (warehouse: Warehouse): number => storeOf(warehouse).entries.size;
