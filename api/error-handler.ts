import type { FastifyError, FastifyInstance } from 'fastify';
import { AccessDenied, Conflict, ImportError, NotAuthenticated, NotFound, SvodkaError, ValidationError } from '../common/errors';

const statusOf = (err: SvodkaError): number => {
  if (err instanceof ValidationError) return 400;
  if (err instanceof ImportError) return 422;
  if (err instanceof NotAuthenticated) return 401;
  if (err instanceof AccessDenied) return 403;
  if (err instanceof NotFound) return 404;
  if (err instanceof Conflict) return 409;
  return 500;
};

/** The one place where errors become HTTP answers: Russian message, stable code, no stack traces. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | SvodkaError, req, reply) => {
    if (err instanceof SvodkaError) {
      const status = statusOf(err);
      if (status >= 500) req.log.error({ err }, err.logMessage);
      else req.log.info({ code: err.code }, err.logMessage);
      return reply.status(status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if ((err as FastifyError).validation) {
      const v = (err as FastifyError).validation?.[0];
      const field = v?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (v?.params as { missingProperty?: string })?.missingProperty || '';
      return reply.status(400).send({
        error: { code: 'invalid_request', message: `Неверный запрос: поле «${field}» — ${v?.message ?? 'неверное значение'}`, details: (err as FastifyError).validation },
      });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: { code: 'internal', message: 'Внутренняя ошибка сервера. Повторите попытку; если ошибка повторяется, сообщите администратору.' } });
    }
    return reply.status(status).send({ error: { code: (err as FastifyError).code ?? 'error', message: err.message } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `Адрес ${req.url} не найден` } }),
  );
}
