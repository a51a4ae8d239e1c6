// Reads and validates the process configuration from an environment object (pure: callers pass
// process.env). Every key is listed in .env.example.
export interface Config {
  dbPath: string;
  port: number;
  host: string;
  dataDir: string;
  threads: number;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined>): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const threads = Number(env.SVODKA_THREADS ?? 2);
  if (!Number.isInteger(threads) || threads < 1) throw new ConfigError(`SVODKA_THREADS must be a positive integer, got "${env.SVODKA_THREADS}"`);
  const dataDir = env.SVODKA_DATA_DIR ?? 'data';
  return {
    dbPath: env.SVODKA_DB ?? `${dataDir}/svodka.duckdb`,
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    threads,
  };
}
