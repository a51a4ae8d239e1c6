import { queryMetric } from './query-metric';
import { isOpen, type Warehouse } from './open-warehouse';
import { sqlFile } from './sql-file';

/**
 * Reads, once, what the director's first screen reads first — pass and quality by class of one
 * school (the mart's blocks are shared by every school's rows) — so that the morning's first director
 * does not wait for DuckDB to load and decompress them and for the query path to warm up. Runs in the
 * background once the server listens; its rows are dropped (no answer is cached from it). A failure
 * (e.g. marts not built yet) only means no warm-up. Resolves with the time it took, or null.
 */
export async function warmUp(warehouse: Warehouse): Promise<number | null> {
  if (!isOpen(warehouse)) return null;
  const t0 = performance.now();
  try {
    const [first] = await warehouse.withConnection(async (conn) => (await conn.runAndReadAll(sqlFile('warm-up/first-school'))).getRowObjectsJson());
    const school = first?.school_id;
    if (typeof school !== 'string') return null;
    await queryMetric(warehouse, 'M-PASS', { school, by: 'class' });
    return performance.now() - t0;
  } catch {
    return null;
  }
}
