import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AccessDenied, NotAuthenticated, NotFound } from '../../common/errors';
import { exportMetric } from '../../reports/export/metric-export';
import type { AppContext } from '../app';
import { MetricQuery, type MetricQueryString } from './metrics';

/** GET /api/v1/exports/<ID>.csv|.xlsx — a metric or breach list as a spreadsheet; same access as /metrics. */
export async function exportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Params: { file: string }; Querystring: MetricQueryString }>('/api/v1/exports/:file', {
    config: { access: { roles: ['director', 'deputy', 'class_teacher', 'teacher', 'district', 'admin'], scope: 'school' } },
    schema: { params: Type.Object({ file: Type.String({ minLength: 1, maxLength: 80 }) }), querystring: MetricQuery },
  }, async (req, reply) => {
    const caller = req.caller;
    if (!caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему, чтобы выгрузить данные.', 'no caller on exports route');
    const m = /^([A-Za-z0-9-]+)\.(csv|xlsx)$/.exec(req.params.file);
    if (!m) throw new NotFound('bad_export', `Выгрузка «${req.params.file}» не найдена: ожидается ИД.csv или ИД.xlsx`, `bad export name ${req.params.file}`);
    const q = req.query;
    if (caller.aggregatesOnly && (q.by === 'student' || q.student)) {
      throw new AccessDenied('aggregates_only', 'Сотрудникам района доступны только сводные данные, без сведений об учениках', 'district caller asked for per-student export');
    }
    const file = await exportMetric(ctx.warehouse, m[1]!, m[2] as 'csv' | 'xlsx', {
      school: q.school ?? q.schoolId, class: q.class, group: q.group, teacher: q.teacher, subject: q.subject,
      period: q.period, student: q.student, asOf: q.as_of, by: q.by,
    }, // aggregates-only callers have no pupil list: their rows come with the child columns emptied
    { schools: caller.allowedSchools, classes: caller.allowedClasses, groups: caller.allowedGroups, students: caller.aggregatesOnly ? null : caller.allowedStudents },
    caller.aggregatesOnly ? ['student_id', 'record_id'] : []);
    return reply.header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.bytes);
  });
}
