import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ValidationError } from '../../common/errors';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import type { AppContext } from '../app';
import { findAccountById, setPassword } from '../auth/accounts';
import { forgetCaller } from '../auth/caller-cache';
import { login } from '../auth/login';
import { verifyPassword } from '../auth/password';
import { createSession, deleteSession, sessionCookie, sessionLifetimeMs } from '../auth/sessions';
import type { Caller } from '../caller';

const LoginBody = Type.Object({ login: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) });
const PasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) });

/** Secure cookies when served over https, directly or behind a proxy that says so. */
const isHttps = (req: FastifyRequest) => req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true, sameSite: 'strict', secure: isHttps(req), path: '/', maxAge: sessionLifetimeMs / 1000,
  });
}

/** A summary of what the caller may see, for the SPA (not used for checks: the server checks). */
export function callerSummary(c: Caller) {
  const sum = (l: string[] | null) => (l === null ? 'all' : l);
  return {
    schools: sum(c.allowedSchools), classes: sum(c.allowedClasses), groups: sum(c.allowedGroups),
    students: c.aggregatesOnly ? [] : sum(c.allowedStudents), writableGroups: c.writableGroups, aggregatesOnly: c.aggregatesOnly,
  };
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: Static<typeof LoginBody> }>('/api/v1/auth/login', {
    config: { access: { roles: 'any', scope: 'public' }, rateLimit: { max: 20, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `${req.ip}|${(req.body as { login?: string })?.login ?? ''}` } },
    schema: { body: LoginBody },
  }, async (req, reply) => {
    const r = await login(ctx.warehouse, { login: req.body.login, password: req.body.password, ip: req.ip, oldToken: req.cookies[sessionCookie] });
    setSessionCookie(req, reply, r.token);
    return { login: r.account.login, role: r.account.role, csrfToken: r.csrfToken, mustChangePassword: r.account.must_change_password };
  });

  app.post('/api/v1/auth/logout', { config: { access: { roles: 'any', scope: 'self' } } }, async (req, reply) => {
    await serializedWrite(ctx.warehouse, (conn) => deleteSession(conn, req.sessionToken!));
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/auth/me', { config: { access: { roles: 'any', scope: 'self' } } }, async (req) => {
    const c = req.caller!;
    const account = await ctx.warehouse.withConnection((conn) => findAccountById(conn, c.userId));
    return {
      login: c.login, role: c.role, staffId: c.staffId, studentId: c.aggregatesOnly ? null : c.studentId, guardianId: c.guardianId,
      districtId: c.districtId, mustChangePassword: account?.must_change_password ?? false,
      allowed: callerSummary(c), csrfToken: req.csrfToken,
    };
  });

  app.post<{ Body: Static<typeof PasswordBody> }>('/api/v1/auth/password', {
    config: { access: { roles: 'any', scope: 'self' } }, schema: { body: PasswordBody },
  }, async (req, reply) => {
    const c = req.caller!;
    const account = await ctx.warehouse.withConnection((conn) => findAccountById(conn, c.userId));
    if (!account || !(await verifyPassword(req.body.currentPassword, account.password_hash))) {
      throw new ValidationError('wrong_password', 'Поле «currentPassword»: текущий пароль указан неверно', 'wrong current password', [{ field: 'currentPassword', reason: 'неверный пароль' }]);
    }
    // every session of the account ends; this one continues under a new id
    const session = await serializedWrite(ctx.warehouse, async (conn) => {
      await setPassword(conn, account, req.body.newPassword, c.login, false);
      return createSession(conn, account.user_id);
    });
    forgetCaller(c.userId);
    setSessionCookie(req, reply, session.token);
    return { ok: true, csrfToken: session.csrfToken };
  });
}
