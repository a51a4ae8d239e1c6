import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { NotFound } from '../../common/errors';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { jsonList, sqlRows } from '../../ingest/entry/sql-rows';
import type { AppContext } from '../app';
import { roles } from '../access';
import type { Account } from '../auth/account';
import { createAccount, findAccount, setDisabled, setPassword } from '../auth/accounts';
import { forgetCaller } from '../auth/caller-cache';
import { randomPassword } from '../auth/password';

const NewUser = Type.Object({
  login: Type.String(), role: Type.Union(roles.map((r) => Type.Literal(r))), password: Type.Optional(Type.String()),
  schoolId: Type.Optional(Type.String()), staffId: Type.Optional(Type.String()), studentId: Type.Optional(Type.String()),
  guardianId: Type.Optional(Type.String()), districtId: Type.Optional(Type.String()),
}, { additionalProperties: false });
const LoginParams = Type.Object({ login: Type.String() });
const admin = { roles: ['admin'] as const, scope: 'school' as const };

/** An admin manages the accounts of their school (the installation's admin: all accounts). */
async function manageable(ctx: AppContext, req: FastifyRequest, login: string): Promise<Account> {
  const schools = req.caller!.allowedSchools;
  const account = await ctx.warehouse.withConnection((conn) => findAccount(conn, login));
  if (!account || (schools !== null && (account.school_id === null || !schools.includes(account.school_id)))) {
    throw new NotFound('user_not_found', `Учётная запись «${login}» не найдена среди ваших`, `user ${login} not manageable by caller`);
  }
  return account;
}

export async function adminUserRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/users', { config: { access: admin } }, async (req) => {
    const schools = req.caller!.allowedSchools;
    return ctx.warehouse.withConnection((conn) => sqlRows(conn, 'auth/user-list', { all_schools: schools === null, schools: jsonList(schools) }));
  });

  app.post<{ Body: Static<typeof NewUser> }>('/api/v1/admin/users', { config: { access: admin }, schema: { body: NewUser } }, async (req, reply) => {
    const c = req.caller!;
    const schoolId = req.body.schoolId ?? (c.allowedSchools?.length === 1 ? c.allowedSchools[0] : undefined);
    const password = req.body.password ?? randomPassword();
    await serializedWrite(ctx.warehouse, (conn) => createAccount(conn, { ...req.body, schoolId, password, mustChangePassword: !req.body.password }, c.login));
    reply.status(201);
    return { login: req.body.login, password: req.body.password ? undefined : password };
  });

  app.post<{ Params: Static<typeof LoginParams> }>('/api/v1/admin/users/:login/disable', { config: { access: admin }, schema: { params: LoginParams } }, async (req) => {
    const account = await manageable(ctx, req, req.params.login);
    await serializedWrite(ctx.warehouse, (conn) => setDisabled(conn, account, true, req.caller!.login));
    forgetCaller(account.user_id);
    return { login: account.login, disabled: true };
  });

  app.post<{ Params: Static<typeof LoginParams> }>('/api/v1/admin/users/:login/enable', { config: { access: admin }, schema: { params: LoginParams } }, async (req) => {
    const account = await manageable(ctx, req, req.params.login);
    await serializedWrite(ctx.warehouse, (conn) => setDisabled(conn, account, false, req.caller!.login));
    return { login: account.login, disabled: false };
  });

  // a new random password, shown once; the user must change it at the next login
  app.post<{ Params: Static<typeof LoginParams> }>('/api/v1/admin/users/:login/reset-password', { config: { access: admin }, schema: { params: LoginParams } }, async (req) => {
    const account = await manageable(ctx, req, req.params.login);
    const password = randomPassword();
    await serializedWrite(ctx.warehouse, (conn) => setPassword(conn, account, password, req.caller!.login, true));
    forgetCaller(account.user_id);
    return { login: account.login, password };
  });
}
