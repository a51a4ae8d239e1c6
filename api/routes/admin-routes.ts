import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app';
import { adminAuditRoutes } from './admin-audit';
import { adminCompromiseRoutes } from './admin-compromise';
import { adminUnlockRoutes } from './admin-unlock';
import { adminUserRoutes } from './admin-users';

/** /api/v1/admin/...: accounts, audit verification, compromised credentials, finals unlock. */
export async function adminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await adminUserRoutes(app, ctx);
  await adminAuditRoutes(app, ctx);
  await adminCompromiseRoutes(app, ctx);
  await adminUnlockRoutes(app, ctx);
}
