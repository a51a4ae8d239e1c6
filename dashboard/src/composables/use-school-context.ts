import { computed, ref, watch } from 'vue';
import { useSessionStore } from '../stores/session';
import { useReferenceStore, type Reference } from '../stores/reference';
import { defaultPeriodId as sharedDefaultPeriodId } from '../../../common/default-period';
import { useUrlFilters } from './use-url-filters';
import { bootToday } from '../api/http';
import { todayIn } from '../../../common/today-in-zone';

/**
 * Today's date (YYYY-MM-DD) in the school's zone; without a zone, in the browser's. During the first
 * navigation, the server's answer of the first screen (no Intl, whose first use loads ICU's tables).
 */
export const todayIso = (timezone?: string | null): string =>
  (timezone ? bootToday(timezone) : undefined)
  ?? todayIn(timezone);

/** The period a screen shows when the URL names none, as of the date (else today in the school's zone). */
export function defaultPeriodId(r: Reference, asOf: string | null): string | null {
  return sharedDefaultPeriodId(r, asOf, asOf ? '' : todayIso(r.school.timezone));
}

/** The school a screen is about (URL `school`, else the caller's), its names, and the chosen period. */
export function useSchoolContext() {
  const session = useSessionStore();
  const refs = useReferenceStore();
  const { filters, setFilter } = useUrlFilters();
  const school = computed(() => filters.value.school ?? session.me?.schoolId ?? null);
  const reference = ref<Reference | null>(null);
  const error = ref<string | null>(null);
  watch(school, async (id) => {
    reference.value = null;
    error.value = null;
    if (!id) return;
    try {
      reference.value = await refs.load(id);
    } catch (err) {
      error.value = (err as Error).message;
    }
  }, { immediate: true });
  const asOf = computed(() => filters.value.as_of ?? null);
  const period = computed(() => filters.value.period ?? (reference.value ? defaultPeriodId(reference.value, asOf.value) : null));
  const className = (id: unknown) => reference.value?.classes.find((c) => c.id === id)?.name ?? String(id ?? '—');
  const subjectName = (id: unknown) => reference.value?.subjects.find((s) => s.id === id)?.name ?? String(id ?? '—');
  const teacherName = (id: unknown) => reference.value?.teachers.find((s) => s.id === id)?.name ?? String(id ?? '—');
  const groupName = (id: unknown) => reference.value?.groups.find((s) => s.id === id)?.name ?? String(id ?? '—');
  return { school, reference, error, period, asOf, filters, setFilter, className, subjectName, teacherName, groupName };
}
