import { readConfig } from '../common/config';
import { openWarehouse } from '../warehouse/open-warehouse';
import { buildApp } from './app';

/** Starts the api and dashboard; only listens (DESIGN.md convention 4). */
export async function startServer(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = readConfig(env);
  const warehouse = await openWarehouse(config.dbPath, { threads: config.threads });
  const app = await buildApp({ warehouse, config, logger: true });
  const close = async () => {
    await app.close();
    warehouse.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
}
