import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AccessDenied, NotFound } from '../../common/errors';
import type { AppContext } from '../app';
import { callerOf, dashboardQuery } from './dashboard-query';
import { addDays, mondayOf } from './dashboard-dates';

const DiaryQuery = Type.Object({
  schoolId: Type.String({ minLength: 1 }),
  studentId: Type.String({ minLength: 1 }),
  week: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
type Q = { schoolId: string; studentId: string; week?: string };

/** A student's diary for one week: timetable, marks, homework, control works, recommendations, … */
export async function dashboardDiaryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Q }>('/api/v1/dashboard/diary', {
    config: { access: { roles: ['guardian', 'student', 'class_teacher', 'deputy', 'director', 'admin'], scope: 'student' } },
    schema: { querystring: DiaryQuery },
  }, async (req) => {
    const caller = callerOf(req);
    const { schoolId: school, studentId: student } = req.query;
    if (caller.aggregatesOnly || (caller.allowedSchools && !caller.allowedSchools.includes(school))
      || (caller.allowedStudents && !caller.allowedStudents.includes(student))) {
      throw new AccessDenied('forbidden_student', 'Дневник этого ученика вам недоступен.', `student ${student} outside caller scope`);
    }
    const from = mondayOf(req.query.week ?? new Date().toISOString().slice(0, 10));
    const to = addDays(from, 6);
    const [header] = await dashboardQuery(ctx.warehouse, 'diary-student', { student, date: to, allowed_schools: [school] });
    if (!header) throw new NotFound('student_not_found', `Ученик «${student}» не найден.`, `student ${student} not found in ${school}`);
    if (caller.allowedClasses && caller.role === 'class_teacher' && !caller.allowedClasses.includes(String(header.classId))) {
      throw new AccessDenied('forbidden_student', 'Дневник ученика другого класса вам недоступен.', `student ${student} not in caller's class`);
    }
    const params = { school, student, from, to };
    const [lessons, extras] = await Promise.all([
      dashboardQuery(ctx.warehouse, 'diary-lessons', params),
      dashboardQuery(ctx.warehouse, 'diary-extras', { ...params, guardian: caller.guardianId }),
    ]);
    const of = (kind: string) => extras.filter((e) => e.kind === kind).map(({ kind: _k, ...rest }) => rest);
    const ack = of('ack')[0];
    return {
      student: header, from, to, lessons,
      controlWorks: of('control_work'), recommendations: of('recommendation'), teachers: of('teacher'), holidays: of('holiday'),
      acknowledged: ack ? { coversUntil: ack.date, at: ack.text } : null,
    };
  });
}
