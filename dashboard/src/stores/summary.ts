import { defineStore } from 'pinia';
import { get } from '../api/http';
import type { RuleFigures } from '../../../common/charts/kpi-tiles';

export interface SummaryUnit { school_id: string; teacher_id: string | null; as_of: string; breaches: number; rules: Record<string, RuleFigures> }
export interface Summary {
  schools: SummaryUnit[];
  teachers: SummaryUnit[];
  metrics: Record<string, { by: string; rows: Record<string, unknown>[] }>;
}

export const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const inflight = new Map<string, Promise<Summary>>();

/** `GET /api/v1/summary`: rules per school and teacher (without the metric rows: cards ask for the metrics they show). */
export const useSummaryStore = defineStore('summary', {
  state: () => ({ cache: {} as Record<string, Summary> }),
  actions: {
    async load(school: string, asOf: string | null, teacher?: string | null): Promise<Summary> {
      const key = `${school}|${asOf ?? ''}|${teacher ?? ''}`;
      const hit = this.cache[key];
      if (hit) return hit;
      // screens ask for the same summary from several cards at once: one request serves them all
      let p = inflight.get(key);
      if (!p) {
        p = get<Summary>('/api/v1/summary', { schoolId: school, as_of: asOf, teacher, metrics: false }).finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      const s = await p;
      this.cache[key] = s;
      return s;
    },
    /** The summary as of the date and a week before it (for week-over-week trends). */
    async withWeekBefore(school: string, asOf: string | null): Promise<{ now: Summary; before: Summary; asOf: string | null }> {
      const now = await this.load(school, asOf);
      const day = asOf ?? now.schools[0]?.as_of ?? null;
      const before = day ? await this.load(school, shiftDate(day, -7)) : { schools: [], teachers: [], metrics: {} };
      return { now, before, asOf: day };
    },
    forget(): void { this.cache = {}; },
  },
});
