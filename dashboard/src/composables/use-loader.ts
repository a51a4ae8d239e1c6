import { ref, watch, type Ref, type WatchSource } from 'vue';

/** Runs `load` now and whenever a source changes; exposes data, loading and a Russian error message. */
export function useLoader<T>(load: () => Promise<T>, sources: WatchSource[] = []) {
  const data = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(true);
  const error = ref<string | null>(null);
  let seq = 0;
  const run = async () => {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const result = await load();
      if (mine === seq) data.value = result;
    } catch (err) {
      if (mine === seq) error.value = (err as Error).message;
    } finally {
      if (mine === seq) loading.value = false;
    }
  };
  watch(sources, run, { immediate: true, deep: true });
  return { data, loading, error, reload: run };
}
