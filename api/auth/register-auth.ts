import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AccessDenied, NotAuthenticated } from '../../common/errors';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { withPooledConnection } from '../../warehouse/open-warehouse';
import type { AppContext } from '../app';
import type { AccessDeclaration } from '../access';
import { callerFor } from './caller-cache';
import { checkScope } from './check-scope';
import { ensureFirstAdmin } from './ensure-first-admin';
import { cachedSession, sessionTouched } from './session-cache';
import { needsTouch, sessionCookie, touchSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** the session cookie value, once authenticated */
    sessionToken?: string;
    csrfToken?: string;
  }
  interface FastifyInstance {
    /** every route registered on this app, with its access declaration (authorization matrix) */
    svodkaRoutes: { method: string; url: string; access?: AccessDeclaration }[];
  }
}

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
export const csrfHeader = 'x-csrf-token';

const noSession = () => new NotAuthenticated('not_authenticated', 'Войдите в систему: сеанс отсутствует или истёк', 'no valid session');

/**
 * Authentication and authorization for every route: session cookie -> account -> Caller (401 when
 * missing), the route's declared roles (403), CSRF token on writes (403), then the scope of the
 * object the request names (403). Call on the root app (not app.register) before any route.
 */
export async function registerAuth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(cookie);
  await app.register(helmet);
  await app.register(rateLimit, { global: false });
  app.decorate('svodkaRoutes', []);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.svodkaRoutes.push({ method, url: route.url, access: route.config?.access });
  });
  app.addHook('onListen', async () => ensureFirstAdmin(ctx.warehouse, (line) => console.log(line)));

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access.scope === 'public') return;
    const token = req.cookies[sessionCookie];
    if (!token) throw noSession();
    const session = await cachedSession(ctx.warehouse, token);
    if (!session || session.expired || session.disabled) throw noSession();
    if (needsTouch(session)) {
      // last_seen_at only: no journal data, nothing kept elsewhere depends on it
      const at = Date.now();
      await serializedWrite(ctx.warehouse, (conn) => touchSession(conn, token), { deferring: true })
        .then(() => sessionTouched(ctx.warehouse, token, at), () => undefined);
    }
    req.sessionToken = token;
    req.csrfToken = session.csrf_token;
    req.caller = await callerFor(ctx.warehouse, session.user_id);
    if (access.roles !== 'any' && !access.roles.includes(req.caller.role)) {
      throw new AccessDenied('role_denied', 'Нет доступа: эта функция недоступна для вашей роли', `role ${req.caller.role} not in route roles`);
    }
    // a password set by someone else (first admin, reset) must be changed before anything else
    if (session.must_change_password && access.scope !== 'self') {
      throw new AccessDenied('password_change_required', 'Смените пароль, выданный администратором: POST /api/v1/auth/password', 'password change required');
    }
    if (unsafe(req.method) && !csrfOk(req)) {
      throw new AccessDenied('csrf', 'Запрос отклонён: нет или неверен токен CSRF (заголовок x-csrf-token). Обновите страницу', 'csrf token missing or wrong');
    }
  });

  // after the body is parsed, before schema validation: the object the request names must be in scope
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || !req.caller) return;
    await withPooledConnection(ctx.warehouse, (conn) => checkScope(conn, req, req.caller!, access, ctx.warehouse));
  });
}

function csrfOk(req: FastifyRequest): boolean {
  const sent = req.headers[csrfHeader];
  if (typeof sent !== 'string' || !req.csrfToken) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(req.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
