import { defineStore } from 'pinia';
import { get, type Query } from '../api/http';

export type Row = Record<string, unknown>;

/** Rows of the spec's queries (`GET /api/v1/metrics/:id`); the api owns every number. */
export async function fetchMetric(id: string, query: Query): Promise<Row[]> {
  const data = await get<unknown>(`/api/v1/metrics/${encodeURIComponent(id)}`, query);
  if (Array.isArray(data)) return data as Row[];
  const rows = (data as { rows?: unknown })?.rows;
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

export const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

const inflight = new Map<string, Promise<Row[]>>();

export const useMetricsStore = defineStore('metrics', {
  state: () => ({ cache: {} as Record<string, Row[]> }),
  actions: {
    async rows(id: string, query: Query, fresh = false): Promise<Row[]> {
      const key = `${id}?${JSON.stringify(query)}`;
      const hit = this.cache[key];
      if (hit && !fresh) return hit;
      let p = inflight.get(key);
      if (!p) {
        p = fetchMetric(id, query).finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      const rows = await p;
      this.cache[key] = rows;
      return rows;
    },
    forget(): void { this.cache = {}; },
  },
});
