import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { NotAuthenticated } from '../../common/errors';
import { querySummary } from '../../warehouse/query-summary';
import type { AppContext } from '../app';
import { cachedReply } from './dashboard-response-cache';

const id = Type.String({ minLength: 1, maxLength: 64 });
const SummaryQuery = Type.Object({
  school: Type.Optional(id),
  schoolId: Type.Optional(id),
  teacher: Type.Optional(id),
  as_of: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  /** false: the rules only, without the metric rows (the dashboard's tiles and heatmap need no more) */
  metrics: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
type SummaryQueryString = Static<typeof SummaryQuery>;

const Figures = Type.Object({
  judged: Type.Integer(), breaches: Type.Integer(),
  timely_rate: Type.Union([Type.Number(), Type.Null()]), complete_rate: Type.Union([Type.Number(), Type.Null()]),
});
const Unit = Type.Object({
  school_id: Type.String(), teacher_id: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]), as_of: Type.String(),
  breaches: Type.Integer(), rules: Type.Record(Type.String(), Figures),
});
const SummaryResponse = Type.Object({
  schools: Type.Array(Unit),
  teachers: Type.Array(Unit),
  metrics: Type.Record(Type.String(), Type.Object({ by: Type.String(), rows: Type.Array(Type.Record(Type.String(), Type.Unknown())) })),
});

/** GET /api/v1/summary — a director's first screen in one call: rules per school and teacher, metric rows. */
export async function summaryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: SummaryQueryString }>('/api/v1/summary', {
    config: { access: { roles: ['director', 'deputy', 'class_teacher', 'teacher', 'district', 'admin'], scope: 'school' } },
    schema: { querystring: SummaryQuery, response: { 200: SummaryResponse } },
  }, async (req, reply) => {
    const caller = req.caller;
    if (!caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему, чтобы увидеть эти данные.', 'no caller on summary route');
    const q = req.query;
    return cachedReply(req, reply, ctx.warehouse, caller, async () => {
      const summary = await querySummary(ctx.warehouse, { school: q.school ?? q.schoolId, teacher: q.teacher, asOf: q.as_of, metrics: q.metrics }, {
        schools: caller.allowedSchools, classes: caller.allowedClasses, groups: caller.allowedGroups,
        students: caller.aggregatesOnly ? null : caller.allowedStudents,
      });
      if (caller.aggregatesOnly) {
        for (const m of Object.values(summary.metrics)) {
          m.rows = m.rows.map((r) => ('student_id' in r ? { ...r, student_id: null } : r));
        }
      }
      return summary;
    });
  });
}
