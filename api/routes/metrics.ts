import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AccessDenied, NotAuthenticated } from '../../common/errors';
import { queryMetric } from '../../warehouse/query-metric';
import type { AppContext } from '../app';
import { cachedReply } from './dashboard-response-cache';

const id = Type.String({ minLength: 1, maxLength: 64 });
export const MetricQuery = Type.Object({
  school: Type.Optional(id),
  schoolId: Type.Optional(id),
  class: Type.Optional(id),
  group: Type.Optional(id),
  teacher: Type.Optional(id),
  subject: Type.Optional(id),
  period: Type.Optional(id),
  student: Type.Optional(id),
  as_of: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  by: Type.Optional(Type.Union(['subject', 'student', 'class', 'teacher', 'group'].map((b) => Type.Literal(b)))),
}, { additionalProperties: false });
export type MetricQueryString = Static<typeof MetricQuery>;

const MetricResponse = Type.Object({
  id: Type.String(),
  as_of: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

/** Columns that name or identify a child: hidden from aggregates-only (district) callers. */
const childColumns = ['student_id', 'student_name', 'full_name'];

/** GET /api/v1/metrics/:id — rows of any R-* rule or M-* metric, filtered and scoped in SQL. */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: MetricQueryString }>('/api/v1/metrics/:id', {
    config: { access: { roles: ['director', 'deputy', 'class_teacher', 'teacher', 'district', 'admin'], scope: 'school' } },
    schema: { params: Type.Object({ id }), querystring: MetricQuery, response: { 200: MetricResponse } },
  }, async (req, reply) => {
    const caller = req.caller;
    if (!caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему, чтобы увидеть эти данные.', 'no caller on metrics route');
    const q = req.query;
    if (caller.aggregatesOnly && (q.by === 'student' || q.student)) {
      throw new AccessDenied('aggregates_only', 'Сотрудникам района доступны только сводные данные, без сведений об учениках',
        'district caller asked for per-student rows');
    }
    return cachedReply(req, reply, ctx.warehouse, caller, async () => {
      const rows = await queryMetric(ctx.warehouse, req.params.id, {
        school: q.school ?? q.schoolId, class: q.class, group: q.group, teacher: q.teacher, subject: q.subject,
        period: q.period, student: q.student, asOf: q.as_of, by: q.by,
      }, {
        schools: caller.allowedSchools, classes: caller.allowedClasses, groups: caller.allowedGroups,
        // aggregates-only callers count every child's record but see none of their ids (nulled below)
        students: caller.aggregatesOnly ? null : caller.allowedStudents,
      });
      const visible = caller.aggregatesOnly
        ? rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) =>
          // a final's record_id is `student:subject:period`: it names the child too
          [k, childColumns.includes(k) || (k === 'record_id' && r.student_id != null) ? null : v])))
        : rows;
      return { id: req.params.id.toUpperCase(), as_of: q.as_of ?? null, rows: visible };
    });
  });
}
