import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { saveControlWork } from '../../ingest/entry/save-control-work';
import { setFinals } from '../../ingest/entry/set-finals';
import type { AppContext } from '../app';
import { entryActorOf } from './entry-actor-of';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const GroupParams = Type.Object({ groupId: Type.String({ minLength: 1 }) });
const ControlWorkBody = Type.Object({
  controlWorkId: Type.Optional(Type.String()),
  kind: Type.String(),
  title: Type.String(),
  plannedDate: Type.String(),
  lessonId: Type.Optional(Nullable(Type.String())),
}, { additionalProperties: false });
const FinalsBody = Type.Object({
  periodId: Type.String({ minLength: 1 }),
  finals: Type.Array(Type.Object({
    studentId: Type.String(),
    value: Type.Optional(Nullable(Type.String())),
    deferredUntil: Type.Optional(Nullable(Type.String())),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

const writers = ['teacher', 'class_teacher', 'admin'] as const;

/** Control works and period finals of a group the caller teaches. */
export async function entryGroupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof ControlWorkBody> }>('/api/v1/entry/groups/:groupId/control-works', {
    config: { access: { roles: writers, scope: 'group' } },
    schema: { params: GroupParams, body: ControlWorkBody },
  }, async (req) => saveControlWork(ctx.warehouse, entryActorOf(req), req.params.groupId, req.body as never));

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof FinalsBody> }>('/api/v1/entry/groups/:groupId/finals', {
    config: { access: { roles: writers, scope: 'group' } },
    schema: { params: GroupParams, body: FinalsBody },
  }, async (req) => setFinals(ctx.warehouse, entryActorOf(req), req.params.groupId, req.body));
}
