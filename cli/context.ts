import { readConfig, type Config } from '../common/config';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse';

/** Opens the configured warehouse for one CLI command and closes it afterwards. */
export async function withWarehouse<T>(fn: (warehouse: Warehouse, config: Config) => Promise<T>): Promise<T> {
  const config = readConfig(process.env);
  const warehouse = await openWarehouse(config.dbPath, { threads: config.threads });
  try {
    return await fn(warehouse, config);
  } finally {
    warehouse.close();
  }
}
