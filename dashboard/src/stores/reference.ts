import { defineStore } from 'pinia';
import { get } from '../api/http';

export interface Named { id: string; name: string }
export interface ClassRef extends Named { grade: number; letter: string; classTeacherId: string | null }
export interface PeriodRef extends Named { kind: string; startsOn: string; endsOn: string }
export interface GroupRef extends Named { subjectId: string; classId: string | null; teacherId: string; kind: string }
export interface Reference {
  school: { id: string; name: string; timezone: string; yearStartsOn: string; yearEndsOn: string; markScale: string };
  periods: PeriodRef[];
  classes: ClassRef[];
  subjects: Named[];
  teachers: Named[];
  groups: GroupRef[];
}

const inflight = new Map<string, Promise<Reference>>();

/** Names behind ids (classes, periods, subjects, teachers, groups) of one school, loaded once. */
export const useReferenceStore = defineStore('reference', {
  state: () => ({ bySchool: {} as Record<string, Reference>, schools: [] as Named[] }),
  actions: {
    async load(school: string): Promise<Reference> {
      const hit = this.bySchool[school];
      if (hit) return hit;
      // the router asks for it ahead of the page: the page then shares that request
      let p = inflight.get(school);
      if (!p) {
        p = get<Reference>('/api/v1/dashboard/reference', { schoolId: school }).finally(() => inflight.delete(school));
        inflight.set(school, p);
      }
      const ref = await p;
      this.bySchool[school] = ref;
      return ref;
    },
    async loadSchools(): Promise<Named[]> {
      if (!this.schools.length) this.schools = (await get<{ schools: Named[] }>('/api/v1/dashboard/schools')).schools;
      return this.schools;
    },
  },
});

/** The period a screen shows by default (common/default-period.ts, shared with the server). */
export { currentPeriod } from '../../../common/default-period';
