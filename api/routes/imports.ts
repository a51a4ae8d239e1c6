import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AccessDenied, NotAuthenticated, NotFound, ValidationError } from '../../common/errors';
import { markScales, type MarkScale } from '../../common/bundle-spec';
import { batchReport, issuesCsv, listImportBatches } from '../../ingest/oneroster/import-history';
import { ImportJobs, uploadName } from '../../ingest/oneroster/import-jobs';
import { detectUploadFormat, type UploadFormat } from '../../ingest/oneroster/upload-format';
import { previewUpload } from '../../ingest/oneroster/upload-preview';
import { loadProfiles } from '../../ingest/xlsx/xlsx-profile';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../app';

const admin = { roles: ['admin'] as const, scope: 'school' as const };
const UploadQuery = Type.Object({
  targetSchool: Type.String({ minLength: 1, maxLength: 100 }),
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  format: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('oneroster'), Type.Literal('xlsx'), Type.Literal('bundle')])),
  dryRun: Type.Optional(Type.Boolean()),
  partial: Type.Optional(Type.Boolean()),
  timezone: Type.Optional(Type.String({ maxLength: 64 })),
  markScale: Type.Optional(Type.Union(markScales.map((s) => Type.Literal(s)))),
  schoolName: Type.Optional(Type.String({ maxLength: 200 })),
  academicYear: Type.Optional(Type.String({ pattern: '^\\d{4}/\\d{4}$' })),
  profile: Type.Optional(Type.String({ maxLength: 64 })),
  className: Type.Optional(Type.String({ maxLength: 20 })),
  subject: Type.Optional(Type.String({ maxLength: 200 })),
  teacher: Type.Optional(Type.String({ maxLength: 200 })),
  classTeacher: Type.Optional(Type.String({ maxLength: 200 })),
});
type UploadQueryT = Static<typeof UploadQuery>;

/**
 * The import screen's api (admin of the school): detect the format of an upload, preview its first
 * rows mapped, import it as a background job with progress, the batch history and each batch's
 * error report as CSV. The upload is the raw request body (application/octet-stream).
 */
export async function importRoutes(app: FastifyInstance, ctx: AppContext, jobs = new ImportJobs()): Promise<void> {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // The school is named `targetSchool`, not `schoolId`: the first import of a school must work before
  // the school exists in the warehouse, so the generic scope check (which looks the school up) cannot
  // be used; the caller's school list is checked here instead.
  const callerOf = (req: { caller?: { allowedSchools: string[] | null; login: string }; query: unknown }) => {
    if (!req.caller) throw new NotAuthenticated('not_authenticated', 'Войдите в систему', 'no caller on imports route');
    const school = (req.query as { targetSchool?: string }).targetSchool ?? '';
    if (req.caller.allowedSchools !== null && !req.caller.allowedSchools.includes(school)) {
      throw new AccessDenied('out_of_scope', `Нет доступа: школа «${school}» вне ваших прав`, `school ${school} outside caller scope`);
    }
    return req.caller;
  };
  const body = (b: unknown): Uint8Array => {
    if (!(b instanceof Buffer) || b.length === 0) throw new ValidationError('empty_upload', 'Файл не передан или пуст', 'empty upload body');
    return b;
  };
  const formatOf = (bytes: Uint8Array, q: UploadQueryT): UploadFormat => (!q.format || q.format === 'auto' ? detectUploadFormat(bytes, q.fileName) : q.format);
  const options = (q: UploadQueryT) => ({
    schoolId: q.targetSchool, timezone: q.timezone, markScale: q.markScale as MarkScale | undefined, schoolName: q.schoolName, academicYear: q.academicYear,
    profile: q.profile, className: q.className, subject: q.subject, teacher: q.teacher, classTeacher: q.classTeacher,
  });

  app.get('/api/v1/imports/profiles', { config: { access: admin } }, async () =>
    ({ profiles: loadProfiles().map((p) => ({ id: p.id, title: p.title, kind: p.kind })) }));

  app.post<{ Querystring: UploadQueryT }>('/api/v1/imports/preview', { config: { access: admin }, schema: { querystring: UploadQuery } }, async (req) => {
    callerOf(req);
    const bytes = body(req.body);
    const format = formatOf(bytes, req.query);
    const dir = mkdtempSync(join(tmpdir(), 'svodka-preview-'));
    try {
      const path = join(dir, uploadName(req.query.fileName, format));
      writeFileSync(path, bytes);
      return await previewUpload(path, format, options(req.query));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.post<{ Querystring: UploadQueryT }>('/api/v1/imports', { config: { access: admin }, schema: { querystring: UploadQuery } }, async (req, reply) => {
    const caller = callerOf(req);
    const bytes = body(req.body);
    const format = formatOf(bytes, req.query);
    const job = jobs.start(ctx.warehouse, bytes, req.query.fileName, format, {
      ...options(req.query), partial: req.query.partial, dryRun: req.query.dryRun, actor: caller.login,
    });
    return reply.code(202).send({ jobId: job.id, format });
  });

  app.get<{ Params: { jobId: string }; Querystring: { targetSchool: string } }>('/api/v1/imports/jobs/:jobId', {
    config: { access: admin },
    schema: { params: Type.Object({ jobId: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ targetSchool: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (req) => {
    callerOf(req);
    const job = jobs.get(req.params.jobId);
    if (!job || job.schoolId !== req.query.targetSchool) throw new NotFound('job_not_found', 'Загрузка не найдена', `import job ${req.params.jobId} not found`);
    const { done: _done, ...rest } = job;
    return rest;
  });

  app.get<{ Querystring: { targetSchool: string } }>('/api/v1/imports', {
    config: { access: admin }, schema: { querystring: Type.Object({ targetSchool: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (req) => {
    callerOf(req);
    return { batches: await listImportBatches(ctx.warehouse, [req.query.targetSchool]) };
  });

  app.get<{ Params: { batchId: string }; Querystring: { targetSchool: string } }>('/api/v1/imports/:batchId/errors.csv', {
    config: { access: admin },
    schema: { params: Type.Object({ batchId: Type.String({ maxLength: 200 }) }), querystring: Type.Object({ targetSchool: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (req, reply) => {
    callerOf(req);
    const report = await batchReport(ctx.warehouse, req.params.batchId, [req.query.targetSchool]);
    if (!report) throw new NotFound('batch_not_found', 'Загрузка не найдена', `batch ${req.params.batchId} not found`);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${req.params.batchId.slice(0, 8)}-errors.csv"`)
      .send(issuesCsv(report.issues));
  });
}
