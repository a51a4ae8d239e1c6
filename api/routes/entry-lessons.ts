import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { enterMarks } from '../../ingest/entry/enter-marks';
import { recordLesson } from '../../ingest/entry/record-lesson';
import type { AppContext } from '../app';
import { entryActorOf } from './entry-actor-of';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const LessonParams = Type.Object({ lessonId: Type.String({ minLength: 1 }) });
const LessonBody = Type.Object({
  status: Type.Optional(Type.String()),
  movedToDate: Type.Optional(Nullable(Type.String())),
  topicId: Type.Optional(Nullable(Type.String())),
  topicText: Type.Optional(Nullable(Type.String())),
  homeworkText: Type.Optional(Nullable(Type.String())),
  homeworkMinutes: Type.Optional(Nullable(Type.Number())),
  attendance: Type.Optional(Type.Array(Type.Object({ studentId: Type.String(), status: Type.String() }))),
  conductedBy: Type.Optional(Nullable(Type.String())),
}, { additionalProperties: false });
const MarksBody = Type.Object({
  marks: Type.Array(Type.Object({
    markId: Type.Optional(Type.String()),
    studentId: Type.String(),
    value: Type.String(),
    workType: Type.String(),
    weight: Type.Optional(Nullable(Type.Number())),
    makeup: Type.Optional(Nullable(Type.Boolean())),
    comment: Type.Optional(Nullable(Type.String())),
  }, { additionalProperties: false })),
  removeMarkIds: Type.Optional(Type.Array(Type.String())),
}, { additionalProperties: false });

const writers = ['teacher', 'class_teacher', 'admin'] as const;

/** Lesson record and marks of a lesson; the scope is the lesson's group, which the caller must teach. */
export async function entryLessonRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: Static<typeof LessonParams>; Body: Static<typeof LessonBody> }>('/api/v1/entry/lessons/:lessonId', {
    config: { access: { roles: writers, scope: 'group' } },
    schema: { params: LessonParams, body: LessonBody },
  }, async (req) => recordLesson(ctx.warehouse, entryActorOf(req), req.params.lessonId, req.body as never));

  app.post<{ Params: Static<typeof LessonParams>; Body: Static<typeof MarksBody> }>('/api/v1/entry/lessons/:lessonId/marks', {
    config: { access: { roles: writers, scope: 'group' } },
    schema: { params: LessonParams, body: MarksBody },
  }, async (req) => enterMarks(ctx.warehouse, entryActorOf(req), req.params.lessonId, req.body));
}
