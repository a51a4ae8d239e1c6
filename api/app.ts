import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../common/config';
import type { Warehouse } from '../warehouse/open-warehouse';
import { registerErrorHandler } from './error-handler';
import { healthRoutes } from './routes/health';
import { registerAuth } from './auth/register-auth';
import { authRoutes } from './routes/auth';
import { entryRoutes } from './routes/entry-routes';
import { adminRoutes } from './routes/admin-routes';
import { dashboardRoutes } from './routes/dashboard-routes';
import { metricsRoutes } from './routes/metrics';
import { summaryRoutes } from './routes/summary';
import { reportRoutes } from './routes/reports';
import { exportRoutes } from './routes/exports';
import { archiveRoutes } from './routes/archive';
import { backupRoutes } from './routes/backups';
import { verifyPdfRoutes } from './routes/verify-pdf';
import { importRoutes } from './routes/imports';
import { indexHtmlFor } from './routes/dashboard-index-html';
import { startEarlyForPage } from './routes/first-screen-early';

export interface AppContext {
  warehouse: Warehouse;
  config: Config;
}

export interface BuildAppOptions extends AppContext {
  logger?: boolean;
  /** folder of the built dashboard; default dashboard/dist */
  dashboardDir?: string;
}

/** The api and dashboard; production (api/server.ts) and tests use this same function. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 256 * 1024 * 1024 });
  const ctx: AppContext = { warehouse: opts.warehouse, config: opts.config };
  registerErrorHandler(app);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access && route.url.startsWith('/api/')) {
      throw new Error(`route ${route.method} ${route.url} declares no access (roles and scope)`);
    }
  });
  await registerAuth(app, ctx);
  await app.register(async (api) => authRoutes(api, ctx));
  await app.register(async (api) => entryRoutes(api, ctx));
  await app.register(async (api) => adminRoutes(api, ctx));
  await app.register(async (api) => healthRoutes(api, ctx));
  await app.register(async (api) => dashboardRoutes(api, ctx));
  await app.register(async (api) => metricsRoutes(api, ctx));
  await app.register(async (api) => summaryRoutes(api, ctx));
  await app.register(async (api) => reportRoutes(api, ctx));
  await app.register(async (api) => exportRoutes(api, ctx));
  await app.register(async (api) => archiveRoutes(api, ctx));
  await app.register(async (api) => backupRoutes(api, ctx));
  await app.register(async (api) => verifyPdfRoutes(api, ctx));
  await app.register(async (api) => importRoutes(api, ctx));
  const dashboardDir = opts.dashboardDir ?? join(import.meta.dirname, '..', 'dashboard', 'dist');
  if (existsSync(dashboardDir)) {
    // Vite names each asset by its content hash: a browser may keep it for good (index.html is revalidated)
    await app.register(fastifyStatic, { root: dashboardDir, wildcard: false, index: false, setHeaders: (reply, path) => {
      if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    } });
    // index.html with the screen's chunks and first-screen answer preloaded (dashboard-index-html.ts)
    const indexHtml = indexHtmlFor(dashboardDir);
    app.get('/*', { config: { access: { roles: 'any', scope: 'public' } } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      startEarlyForPage(app, opts.warehouse, req); // its first-screen answer is under way with the page
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml(req.url));
    });
  }
  return app;
}
