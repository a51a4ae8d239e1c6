import type { Warehouse } from './open-warehouse';

// A counter per open warehouse, bumped after every committed change of the data that read answers
// come from (an import, a native write, a mart build). Answers cached under one version are never
// served under another, so a cache keyed by it cannot outlive the data it was computed from.
const versions = new WeakMap<Warehouse, number>();

/** The warehouse's current data version (0 until the first change in this process). */
export function dataVersion(warehouse: Warehouse): number {
  return versions.get(warehouse) ?? 0;
}

/** Call after a write commits (never before: a read between the two would be cached as new). */
export function bumpDataVersion(warehouse: Warehouse): number {
  const next = dataVersion(warehouse) + 1;
  versions.set(warehouse, next);
  return next;
}
