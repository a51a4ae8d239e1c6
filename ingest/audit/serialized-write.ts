import type { DuckDBConnection } from '@duckdb/node-api';
import { pooledTransaction, type Warehouse } from '../../warehouse/open-warehouse';
import { beginTailTx, endTailTx, type TailHolder } from './audit-tail';
import { bumpDataVersion } from '../../warehouse/data-version';
import { stableImportGeneration } from '../../warehouse/import-generation';

// Audited writes of one process run one after another: every write appends the next link of the one
// audit chain, and two transactions appending link N+1 at once would make one of them fail on commit.
// One transaction at a time also means no write is lost to DuckDB's optimistic conflict check.
//
// Group commit: the writes that queued up while a transaction ran go together into the next one, run
// one after another on its connection exactly as they would have run alone, and commit once (the
// commit, with its WAL sync, is most of a small write's cost). A write that fails rolls the group
// back; the writes before it then run again as a group, the failing one alone (so it fails alone, with
// its own error), and the rest as a group — same order, so every write sees what it would have seen
// one by one. A write function may therefore run more than once: it must keep no state of its own
// outside the transaction between runs.
const maxGroup = 64;

interface Job { fn: (conn: DuckDBConnection) => Promise<unknown>; deferring: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void }
interface Queue extends TailHolder { waiting: Job[]; running: Promise<void> | null; commits: number; writes: number }

const queues = new WeakMap<Warehouse, Queue>();
const committedHooks = new WeakMap<DuckDBConnection, (() => void)[]>();
const pendingWork = new WeakMap<DuckDBConnection, (() => Promise<void>)[]>();

/**
 * Leaves work (rows and their audit links, buffered by a write) to run later in the same transaction:
 * before the next write of the group that did not say it can follow deferred work, and before the
 * commit. Outside a serialized write, the caller must run it itself (returns false).
 */
export function deferInTransaction(conn: DuckDBConnection, work: () => Promise<void>): boolean {
  const pending = pendingWork.get(conn);
  if (!pending) return false;
  pending.push(work);
  return true;
}

// Bumped before every write that may change journal data other than new rows (a write not marked
// `deferring`), after its commit, and after every rollback: reads kept between writes (ingest/entry/context-cache.ts)
// are valid only while it stays the same.
let generation = 0;
export const writeGeneration = (): number => generation;

/** The transaction of the serialized write running on `conn` (an identity), if any. */
export const currentTransaction = (conn: DuckDBConnection): object | undefined => committedHooks.get(conn);

/**
 * The import generation (warehouse/import-generation.ts) read just before the transaction of the
 * serialized write running on `conn` began, so before its snapshot: undefined while an import was
 * writing then, or outside a serialized write.
 */
export const transactionImportGeneration = (conn: DuckDBConnection): number | undefined => importGenerations.get(conn);
const importGenerations = new WeakMap<DuckDBConnection, number | undefined>();

/** Runs the work deferred on `conn` so far, in order. */
export async function runDeferred(conn: DuckDBConnection): Promise<void> {
  const pending = pendingWork.get(conn);
  while (pending?.length) await pending.shift()!();
}

/**
 * Runs fn once the serialized write running on `conn` has committed (dropped if it rolls back), e.g.
 * to forget cached reads of what it changed. Outside a serialized write, runs fn at once.
 */
export function afterCommit(conn: DuckDBConnection, fn: () => void): void {
  const hooks = committedHooks.get(conn);
  if (hooks) hooks.push(fn);
  else fn();
}

function queueOf(warehouse: Warehouse): Queue {
  let q = queues.get(warehouse);
  if (!q) {
    q = { waiting: [], running: null, commits: 0, writes: 0 };
    queues.set(warehouse, q);
  }
  return q;
}

/**
 * Runs fn in a transaction, after every earlier serialized write of this warehouse (possibly together
 * with others). `deferring`: fn changes no journal data other than new rows it defers with
 * deferInTransaction, and reads nothing that deferred work of earlier writes of its group changes (it
 * may run before that work is done, and kept journal reads stay valid across it).
 */
export function serializedWrite<T>(warehouse: Warehouse, fn: (conn: DuckDBConnection) => Promise<T>, opts: { deferring?: boolean } = {}): Promise<T> {
  const q = queueOf(warehouse);
  const done = new Promise<T>((resolve, reject) => q.waiting.push({ fn, deferring: opts.deferring ?? false, resolve: resolve as (v: unknown) => void, reject }));
  if (!q.running) q.running = drain(warehouse, q);
  return done;
}

/** Committed transactions and the writes they held, so far (benchmarks: writes per commit). */
export const serializedWriteCounts = (warehouse: Warehouse): { commits: number; writes: number } => {
  const q = queues.get(warehouse);
  return { commits: q?.commits ?? 0, writes: q?.writes ?? 0 };
};

/** Resolves when every serialized write queued so far has finished (shutdown, benchmarks). */
export async function serializedWritesDone(warehouse: Warehouse): Promise<void> {
  const q = queues.get(warehouse);
  while (q?.running) await q.running;
}

async function drain(warehouse: Warehouse, q: Queue): Promise<void> {
  try {
    while (q.waiting.length > 0) await runGroup(warehouse, q, q.waiting.splice(0, maxGroup));
  } finally {
    q.running = null;
  }
}

async function runGroup(warehouse: Warehouse, q: Queue, jobs: Job[]): Promise<void> {
  const results: unknown[] = [];
  let failedAt = -1;
  try {
    await inTransaction(warehouse, q, async (conn) => {
      for (const job of jobs) {
        failedAt = -1;
        if (!job.deferring) {
          await runDeferred(conn);
          generation += 1;
        }
        failedAt = results.length;
        results.push(await job.fn(conn));
      }
      failedAt = -1;
      await runDeferred(conn);
    });
    // and after the commit: a read made meanwhile outside (context-cache.ts prefetch) must not pass
    if (jobs.some((j) => !j.deferring)) generation += 1;
    q.commits += 1;
    q.writes += jobs.length;
  } catch (err) {
    if (jobs.length === 1) return jobs[0]!.reject(err);
    if (failedAt < 0) {
      // the commit itself failed: each write on its own
      for (const job of jobs) await runGroup(warehouse, q, [job]);
      return;
    }
    if (failedAt > 0) await runGroup(warehouse, q, jobs.slice(0, failedAt));
    await runGroup(warehouse, q, [jobs[failedAt]!]);
    if (failedAt + 1 < jobs.length) await runGroup(warehouse, q, jobs.slice(failedAt + 1));
    return;
  }
  jobs.forEach((job, i) => job.resolve(results[i]));
}

function inTransaction(warehouse: Warehouse, q: Queue, fn: (conn: DuckDBConnection) => Promise<void>): Promise<void> {
  let conn: DuckDBConnection | undefined;
  const importGeneration = stableImportGeneration();
  return pooledTransaction(warehouse, async (c) => {
    conn = c;
    importGenerations.set(c, importGeneration);
    beginTailTx(c, q);
    committedHooks.set(c, []);
    pendingWork.set(c, []);
    await fn(c);
  }).then(
    () => {
      endTailTx(conn!, true);
      const hooks = committedHooks.get(conn!) ?? [];
      committedHooks.delete(conn!);
      pendingWork.delete(conn!);
      importGenerations.delete(conn!);
      for (const hook of hooks) hook();
      bumpDataVersion(warehouse);
    },
    (err: unknown) => {
      generation += 1;
      if (conn) {
        endTailTx(conn, false);
        committedHooks.delete(conn);
        pendingWork.delete(conn);
        importGenerations.delete(conn);
      }
      throw err;
    },
  );
}
