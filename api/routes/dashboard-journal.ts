import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AccessDenied, NotFound } from '../../common/errors';
import type { AppContext } from '../app';
import { callerOf, dashboardQuery } from './dashboard-query';
import { dateWindow } from './dashboard-dates';

const JournalQuery = Type.Object({
  schoolId: Type.String({ minLength: 1 }),
  groupId: Type.String({ minLength: 1 }),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
type Q = { schoolId: string; groupId: string; from?: string; to?: string };

/** The subject teacher's journal grid: lessons × students with marks and attendance, for one group. */
export async function dashboardJournalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Q }>('/api/v1/dashboard/journal', {
    config: { access: { roles: ['teacher', 'class_teacher', 'deputy', 'director', 'admin'], scope: 'group' } },
    schema: { querystring: JournalQuery },
  }, async (req) => {
    const caller = callerOf(req);
    const { schoolId: school, groupId: group } = req.query;
    const denied = () => new AccessDenied('forbidden_group', 'Журнал этой группы вам недоступен: вы её не ведёте.', `group ${group} outside caller scope`);
    if ((caller.allowedSchools && !caller.allowedSchools.includes(school)) || (caller.allowedGroups && !caller.allowedGroups.includes(group))) throw denied();
    if (caller.aggregatesOnly) throw denied();
    const [header] = await dashboardQuery(ctx.warehouse, 'journal-group', { group, allowed_schools: [school] });
    if (!header) throw new NotFound('group_not_found', `Группа «${group}» не найдена.`, `group ${group} not found in ${school}`);
    const { from, to } = dateWindow(req.query.from, req.query.to, 27);
    const params = { school, group, from, to };
    const [lessons, students, cells] = await Promise.all([
      dashboardQuery(ctx.warehouse, 'journal-lessons', params),
      dashboardQuery(ctx.warehouse, 'journal-students', params),
      dashboardQuery(ctx.warehouse, 'journal-cells', params),
    ]);
    return { group: { ...header, writable: caller.writableGroups.includes(group) }, from, to, lessons, students, cells };
  });
}
