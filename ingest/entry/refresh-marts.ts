import { runModels } from '../../warehouse/run-models';
import { isOpen, type Warehouse } from '../../warehouse/open-warehouse';

// After native writes the affected school's marts are rebuilt, debounced per school so that a burst
// of entries costs one build; builds run one at a time (they replace the same mart tables). A
// refresh of a warehouse closed meanwhile is dropped: its marts are rebuilt from the raw rows on the
// next build anyway, and a closed instance cannot be written.
let delayMs = 500;

/** Changes the debounce (the entry benchmark measures writes with the refresh held back). */
export const setRefreshDelay = (ms: number) => {
  delayMs = ms;
};
const timers = new Map<string, { timer: NodeJS.Timeout; warehouse: Warehouse }>();
let chain: Promise<void> = Promise.resolve();

export function scheduleRefresh(warehouse: Warehouse, schoolId: string): void {
  const key = `${warehouse.path}\u0000${schoolId}`;
  const pending = timers.get(key);
  if (pending) clearTimeout(pending.timer);
  timers.set(key, { warehouse, timer: setTimeout(() => start(key, warehouse, schoolId), delayMs) });
}

function start(key: string, warehouse: Warehouse, schoolId: string): Promise<void> {
  timers.delete(key);
  chain = chain.then(() => {
    if (!isOpen(warehouse)) return undefined;
    return runModels(warehouse, { schoolId }).then(
      () => undefined,
      (err: Error) => {
        if (isOpen(warehouse)) console.error(`mart refresh for school ${schoolId} failed: ${err.message}`);
      },
    );
  });
  return chain;
}

/** Runs every pending refresh now and waits for all builds (tests; shutdown). */
export async function flushRefresh(): Promise<void> {
  do {
    for (const [key, { timer, warehouse }] of [...timers]) {
      clearTimeout(timer);
      void start(key, warehouse, key.split('\u0000')[1]!);
    }
    await chain;
  } while (timers.size > 0);
}
