import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../app';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/health', {
    config: { access: { roles: 'any', scope: 'public' } },
    schema: { response: { 200: Type.Object({ status: Type.Literal('ok'), schools: Type.Integer() }) } },
  }, async () => {
    const schools = await ctx.warehouse.withConnection(async (conn) =>
      Number((await conn.runAndReadAll('select count(*)::integer as n from raw.schools')).getRowObjectsJson()[0]?.n ?? 0));
    return { status: 'ok' as const, schools };
  });
}
