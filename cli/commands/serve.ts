import type { Command } from 'commander';
import { startServer } from '../../api/server';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the api and the dashboard (PORT, default 8080; HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on')
    .action(async (opts: { port?: string }) => {
      await startServer(opts.port ? { ...process.env, PORT: opts.port } : process.env);
    });
}
