import type { FastifyInstance } from 'fastify';
import { runIntegrityChecks } from '../../ingest/audit/integrity-check';
import { auditChecks } from '../../ingest/audit/verify-chain';
import type { AppContext } from '../app';

/** Verifies the audit chain and the audited rows; names the first broken link. */
export async function adminAuditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/audit/verify', { config: { access: { roles: ['admin'], scope: 'school' } } }, async () => {
    const checks = await runIntegrityChecks(ctx.warehouse, auditChecks);
    return { ok: checks.every((c) => c.ok), checks };
  });
}
