import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AccessDenied, NotFound } from '../../common/errors';
import type { AppContext } from '../app';
import { roles } from '../access';
import { callerOf, dashboardQuery, scopeParams, type Row } from './dashboard-query';
import { cachedReply } from './dashboard-response-cache';

const SchoolQuery = Type.Object({ schoolId: Type.String({ minLength: 1 }) });
const DistrictQuery = Type.Object({ district: Type.Optional(Type.String({ minLength: 1 })) });

/** Names behind ids for pickers and labels (no child data): the schools a caller sees, one school's lists. */
export async function dashboardReferenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { district?: string } }>('/api/v1/dashboard/schools', {
    config: { access: { roles, scope: 'self' } },
    schema: { querystring: DistrictQuery },
  }, async (req) => {
    const caller = callerOf(req);
    const schools = await dashboardQuery(ctx.warehouse, 'schools', { ...scopeParams(caller), district: req.query.district ?? null });
    return { schools };
  });

  app.get<{ Querystring: { schoolId: string } }>('/api/v1/dashboard/reference', {
    config: { access: { roles, scope: 'school' } },
    schema: { querystring: SchoolQuery },
  }, async (req, reply) => {
    const caller = callerOf(req);
    const school = req.query.schoolId;
    if (caller.allowedSchools && !caller.allowedSchools.includes(school)) {
      throw new AccessDenied('forbidden_school', 'Эта школа вне ваших полномочий.', `school ${school} outside caller scope`);
    }
    // the lists read raw.* tables that only an import writes, and an import bumps the data version
    return cachedReply(req, reply, ctx.warehouse, caller, async () => {
      const [header] = await dashboardQuery(ctx.warehouse, 'reference-school', { school });
      if (!header) throw new NotFound('school_not_found', `Школа «${school}» не найдена.`, `school ${school} not found`);
      return { school: header, ...referenceLists(await dashboardQuery(ctx.warehouse, 'reference-lists', { school })) };
    });
  });
}

/** Splits the tagged rows of reference-lists.sql into the lists the dashboard uses. */
export function referenceLists(rows: Row[]) {
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    periods: of('period').map((r) => ({ id: r.id, name: r.name, kind: r.extra1, startsOn: r.extra2, endsOn: r.extra3 })),
    classes: of('class').map((r) => ({ id: r.id, name: r.name, grade: r.grade, letter: r.extra1, classTeacherId: r.extra2, profile: r.extra3 })),
    subjects: of('subject').map((r) => ({ id: r.id, name: r.name, component: r.extra1 })),
    teachers: of('teacher').map((r) => ({ id: r.id, name: r.name, position: r.extra1 })),
    groups: of('group').map((r) => ({ id: r.id, name: r.name, subjectId: r.extra1, classId: r.extra2, teacherId: r.extra3, kind: r.extra4 })),
  };
}
