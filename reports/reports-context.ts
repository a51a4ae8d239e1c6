import type { Config } from '../common/config';
import type { Warehouse } from '../warehouse/open-warehouse';
import type { ProduceContext } from './produce-form';
import { readReportsConfig } from './reports-config';

/** The context forms, archive and backups run in, from the process configuration. */
export function reportsContext(warehouse: Warehouse, config: Config, env: Record<string, string | undefined> = process.env): ProduceContext {
  return { warehouse, config, reports: readReportsConfig(config, env) };
}
