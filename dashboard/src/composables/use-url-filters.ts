import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export const filterKeys = ['school', 'period', 'class', 'subject', 'teacher', 'group', 'as_of', 'student', 'rule', 'week', 'lesson'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Filters live in the URL query so that a view can be shared by its address. */
export function useUrlFilters() {
  const route = useRoute();
  const router = useRouter();
  const filters = computed<Filters>(() => {
    const f: Filters = {};
    for (const k of filterKeys) {
      const v = route.query[k];
      if (typeof v === 'string' && v) f[k] = v;
    }
    return f;
  });
  const setFilter = (key: FilterKey, value: string | null) => {
    const query = { ...route.query };
    if (value) query[key] = value;
    else delete query[key];
    return router.replace({ query });
  };
  return { filters, setFilter };
}
