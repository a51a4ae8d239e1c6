import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushRefresh, scheduleRefresh, setRefreshDelay } from '../../ingest/entry/refresh-marts';
import { dataVersion } from '../../warehouse/data-version';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { openTestWarehouse, seedTwoSchools } from '../fixtures/auth/test-warehouse';

// Mart refresh after native writes (ingest/entry/refresh-marts.ts): writes join a pending build, and a
// school is rebuilt at most every few seconds. Every build bumps the data version once.
let warehouse: Warehouse;

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
});
afterAll(async () => {
  setRefreshDelay(500);
  await flushRefresh();
  warehouse.close();
});

describe('mart refresh after writes', () => {
  it('builds once for writes that arrive while a build is pending, and not again within the minimum interval', async () => {
    setRefreshDelay(60_000);
    const v0 = dataVersion(warehouse);
    scheduleRefresh(warehouse, 'SA');
    scheduleRefresh(warehouse, 'SA');
    scheduleRefresh(warehouse, 'SA');
    await flushRefresh();
    expect(dataVersion(warehouse)).toBe(v0 + 1);

    // right after a build, even without a delay the next one waits for the minimum interval
    setRefreshDelay(0);
    scheduleRefresh(warehouse, 'SA');
    await new Promise((r) => setTimeout(r, 300));
    expect(dataVersion(warehouse)).toBe(v0 + 1);
    // ... but it is pending, not lost
    await flushRefresh();
    expect(dataVersion(warehouse)).toBe(v0 + 2);
  });
});
