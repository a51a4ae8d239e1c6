import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AccessDenied } from '../../common/errors';
import type { AppContext } from '../app';
import { callerOf, dashboardQuery } from './dashboard-query';

const ClassQuery = Type.Object({
  schoolId: Type.String({ minLength: 1 }),
  classId: Type.String({ minLength: 1 }),
  period: Type.String({ minLength: 1 }),
  as_of: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
type Q = { schoolId: string; classId: string; period: string; as_of?: string };

/** The class teacher's own class: student × subject averages, absences, fails, parents. */
export async function dashboardClassRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Q }>('/api/v1/dashboard/class', {
    config: { access: { roles: ['class_teacher', 'deputy', 'director', 'admin'], scope: 'class' } },
    schema: { querystring: ClassQuery },
  }, async (req) => {
    const caller = callerOf(req);
    const { schoolId: school, classId, period } = req.query;
    if (caller.aggregatesOnly || (caller.allowedSchools && !caller.allowedSchools.includes(school))
      || (caller.allowedClasses && !caller.allowedClasses.includes(classId))) {
      throw new AccessDenied('forbidden_class', 'Данные этого класса вам недоступны.', `class ${classId} outside caller scope`);
    }
    const params = { school, class: classId, period, as_of: req.query.as_of ?? null };
    const [averages, students] = await Promise.all([
      dashboardQuery(ctx.warehouse, 'class-averages', params),
      dashboardQuery(ctx.warehouse, 'class-students', params),
    ]);
    return { averages, students };
  });
}
