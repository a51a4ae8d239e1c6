import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AccessDenied, NotAuthenticated } from '../../common/errors';
import { forms, formIds } from '../../reports/forms/form-registry';
import { produceForm } from '../../reports/produce-form';
import { queryRows } from '../../reports/query-rows';
import { reportsContext } from '../../reports/reports-context';
import type { AppContext } from '../app';

const id = Type.String({ minLength: 1, maxLength: 64 });
const ReportQuery = Type.Object({
  school: Type.Optional(id), schoolId: Type.Optional(id), class: Type.Optional(id), period: Type.Optional(id),
  student: Type.Optional(id), district: Type.Optional(id), year: Type.Optional(Type.String({ pattern: '^\\d{4}/\\d{4}$' })),
  as_of: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })), sign: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
type ReportQueryString = Static<typeof ReportQuery>;

/** Roles whose signature a form may carry: the school's administration, the district for its own form. */
const signingRoles = ['director', 'deputy', 'admin', 'district'];

/**
 * GET /api/v1/reports/<FORM> — one route per form so that each declares its own roles and scope
 * (spec "Official forms", column "who"); answers the PDF, signed and archived with `sign=true`.
 */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const formId of formIds) {
    const def = forms[formId];
    app.get<{ Querystring: ReportQueryString }>(`/api/v1/reports/${formId}`, {
      config: { access: def.access },
      schema: { querystring: ReportQuery },
    }, async (req, reply) => {
      const caller = req.caller;
      if (!caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему, чтобы получить отчёт.', 'no caller on reports route');
      const q = req.query;
      if (q.sign && !signingRoles.includes(caller.role)) {
        throw new AccessDenied('sign_denied', 'Подписывать документы может только администрация школы', `role ${caller.role} may not sign`);
      }
      const school = q.school ?? q.schoolId ?? (caller.allowedSchools?.length === 1 ? caller.allowedSchools[0] : undefined);
      const district = q.district ?? caller.districtId ?? undefined;
      if (formId === 'F-DISTRICT' && caller.districtId && district !== caller.districtId) {
        throw new AccessDenied('out_of_scope', `Нет доступа: район «${district}» вне ваших прав`, 'district form of another district');
      }
      if (formId === 'F-EXTRACT' && caller.role === 'class_teacher' && school && q.student) {
        // the paper extract is the class teacher's duty for their own class only (not pupils they merely teach)
        const [s] = await queryRows<{ class_teacher_id: string | null }>(ctx.warehouse, 'student-header', { school, student: q.student, on: new Date().toISOString().slice(0, 10) });
        if (s && s.class_teacher_id !== caller.staffId) throw new AccessDenied('out_of_scope', `Нет доступа: ученик «${q.student}» не из вашего класса`, 'F-EXTRACT of a pupil outside the class teacher\'s class');
      }
      const r = await produceForm(reportsContext(ctx.warehouse, ctx.config), formId, {
        school, class: q.class, period: q.period, student: q.student, year: q.year, district, asOf: q.as_of,
      }, {
        sign: q.sign,
        // aggregates-only callers (district) have no pupil list; their forms leave out every per-pupil section
        allowed: { schools: caller.allowedSchools, classes: caller.allowedClasses, groups: caller.allowedGroups, students: caller.aggregatesOnly ? null : caller.allowedStudents, aggregatesOnly: caller.aggregatesOnly },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${formId}.pdf"`)
        .header('x-document-sha256', r.sha256)
        .send(r.pdf);
    });
  }
}
