import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { acknowledgeDiary, addRecommendation, recordConsent } from '../../ingest/entry/student-entries';
import type { AppContext } from '../app';
import { entryActorOf } from './entry-actor-of';

const StudentParams = Type.Object({ studentId: Type.String({ minLength: 1 }) });
const RecommendationBody = Type.Object({ text: Type.String() }, { additionalProperties: false });
const AckBody = Type.Object({ coversUntil: Type.String() }, { additionalProperties: false });
const ConsentBody = Type.Object({
  guardianId: Type.String({ minLength: 1 }),
  consent: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Optional(Type.Union([Type.String(), Type.Null()])),
}, { additionalProperties: false });

/** Entries about one student in the caller's scope: recommendations, diary acknowledgement, consent. */
export async function entryStudentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: Static<typeof StudentParams>; Body: Static<typeof RecommendationBody> }>('/api/v1/entry/students/:studentId/recommendations', {
    config: { access: { roles: ['teacher', 'class_teacher', 'deputy', 'director'], scope: 'student' } },
    schema: { params: StudentParams, body: RecommendationBody },
  }, async (req) => addRecommendation(ctx.warehouse, entryActorOf(req), req.params.studentId, req.body));

  app.post<{ Params: Static<typeof StudentParams>; Body: Static<typeof AckBody> }>('/api/v1/entry/students/:studentId/acknowledgements', {
    config: { access: { roles: ['guardian'], scope: 'student' } },
    schema: { params: StudentParams, body: AckBody },
  }, async (req) => acknowledgeDiary(ctx.warehouse, entryActorOf(req), req.params.studentId, req.body));

  app.post<{ Params: Static<typeof StudentParams>; Body: Static<typeof ConsentBody> }>('/api/v1/entry/students/:studentId/consent', {
    config: { access: { roles: ['guardian', 'class_teacher', 'admin'], scope: 'student' } },
    schema: { params: StudentParams, body: ConsentBody },
  }, async (req) => recordConsent(ctx.warehouse, entryActorOf(req), req.params.studentId, req.body as never));
}

