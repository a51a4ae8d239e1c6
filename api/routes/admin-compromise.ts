import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { reportCompromise, reviewQuarantine } from '../../ingest/audit/compromise';
import { jsonList, sqlRows } from '../../ingest/entry/sql-rows';
import type { AppContext } from '../app';
import { findAccount } from '../auth/accounts';
import { forgetCaller } from '../auth/caller-cache';
import { NotFound } from '../../common/errors';

const ReportBody = Type.Object({ login: Type.String({ minLength: 1 }), compromisedAt: Type.String({ minLength: 1 }), note: Type.Optional(Type.String()) }, { additionalProperties: false });
const ItemParams = Type.Object({ itemId: Type.String() });
const ReviewBody = Type.Object({ decision: Type.Union([Type.Literal('confirm'), Type.Literal('revert')]) }, { additionalProperties: false });
const admin = { roles: ['admin'] as const, scope: 'school' as const };

/** Compromised credentials: report, list for review, confirm or revert each object. */
export async function adminCompromiseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: Static<typeof ReportBody> }>('/api/v1/admin/compromise', { config: { access: admin }, schema: { body: ReportBody } }, async (req, reply) => {
    const schools = req.caller!.allowedSchools;
    const account = await ctx.warehouse.withConnection((conn) => findAccount(conn, req.body.login));
    if (!account || (schools !== null && (account.school_id === null || !schools.includes(account.school_id)))) {
      throw new NotFound('user_not_found', `Учётная запись «${req.body.login}» не найдена среди ваших`, `user ${req.body.login} not manageable by caller`);
    }
    const result = await reportCompromise(ctx.warehouse, req.caller!.login, req.body);
    forgetCaller(account.user_id);
    reply.status(201);
    return result;
  });

  app.get('/api/v1/admin/compromise', { config: { access: admin } }, async (req) => {
    const schools = req.caller!.allowedSchools;
    return ctx.warehouse.withConnection((conn) => sqlRows(conn, 'entry/compromise-list', { all_schools: schools === null, schools: jsonList(schools) }));
  });

  app.post<{ Params: Static<typeof ItemParams>; Body: Static<typeof ReviewBody> }>('/api/v1/admin/compromise/items/:itemId', {
    config: { access: admin }, schema: { params: ItemParams, body: ReviewBody },
  }, async (req) => reviewQuarantine(ctx.warehouse, req.caller!.login, req.params.itemId, req.body.decision, req.caller!.allowedSchools));
}
