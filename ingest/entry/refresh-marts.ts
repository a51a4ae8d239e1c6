import { runModels } from '../../warehouse/run-models';
import { isOpen, type Warehouse } from '../../warehouse/open-warehouse';

// After native writes the affected school's marts are rebuilt: the first write schedules a build
// `delayMs` later and later writes join it, so that a burst of entries costs one build; a school is
// rebuilt at most every `minIntervalMs` (a build competes with the writes for the cores, and during
// sustained entry a debounce that restarts on every write would never build at all). 10 s: with 20
// teachers entering at full speed a 1.3 s one-school refresh every 5 s cost ~15% of the single-mark
// throughput and ~7 ms of p95 (docs/decisions.md, entry speed session 3); a lone write still shows
// on the dashboard 0.5 s later. Builds run one
// at a time (they replace the same mart tables). The gap after a build is also at least
// `busyShare`⁻¹ times that build's duration, so that refreshes of a big school take at most about a
// fifth of the cores during sustained entry (a 4 s build is followed by 16 s of writes only). A
// refresh of a warehouse closed meanwhile is dropped: its marts are rebuilt from the raw rows on the
// next build anyway, and a closed instance cannot be written.
let delayMs = 500;
const minIntervalMs = 10_000;
const busyShare = 0.2;
const lastStarted = new Map<string, number>();
const lastDuration = new Map<string, number>();

/** Changes the debounce (the entry benchmark measures writes with the refresh held back). */
export const setRefreshDelay = (ms: number) => {
  delayMs = ms;
};
const stats = { started: 0, builds: 0, ms: 0 };
/** Refreshes started and built so far in this process, and the total duration of those built (the entry benchmark prints them). */
export const refreshStats = (): { started: number; builds: number; ms: number } => ({ ...stats });

const timers = new Map<string, { timer: NodeJS.Timeout; warehouse: Warehouse }>();
let chain: Promise<void> = Promise.resolve();

export function scheduleRefresh(warehouse: Warehouse, schoolId: string): void {
  const key = `${warehouse.path}\u0000${schoolId}`;
  // a pending build has not started yet: it will read this write too
  if (timers.has(key)) return;
  const gap = Math.max(minIntervalMs, (lastDuration.get(key) ?? 0) / busyShare);
  const wait = Math.max(delayMs, (lastStarted.get(key) ?? -Infinity) + gap - Date.now());
  timers.set(key, { warehouse, timer: setTimeout(() => start(key, warehouse, schoolId), wait) });
}

function start(key: string, warehouse: Warehouse, schoolId: string): Promise<void> {
  timers.delete(key);
  chain = chain.then(() => {
    const startedAt = Date.now();
    lastStarted.set(key, startedAt);
    if (!isOpen(warehouse)) return undefined;
    stats.started += 1;
    return runModels(warehouse, { schoolId }).then(
      () => {
        lastDuration.set(key, Date.now() - startedAt);
        stats.builds += 1;
        stats.ms += Date.now() - startedAt;
      },
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
