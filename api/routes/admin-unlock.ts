import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { unlockFinals } from '../../ingest/entry/unlock-finals';
import type { AppContext } from '../app';
import { entryActorOf } from './entry-actor-of';

const UnlockBody = Type.Object({
  groupId: Type.String({ minLength: 1 }), periodId: Type.String({ minLength: 1 }), reason: Type.String(), hours: Type.Optional(Type.Integer()),
}, { additionalProperties: false });

/** The admin unlocks a group's period after its finals, with a reason (audited). */
export async function adminUnlockRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: Static<typeof UnlockBody> }>('/api/v1/admin/finals-unlocks', {
    config: { access: { roles: ['admin'], scope: 'group' } }, schema: { body: UnlockBody },
  }, async (req, reply) => {
    reply.status(201);
    return unlockFinals(ctx.warehouse, entryActorOf(req), req.body);
  });
}
