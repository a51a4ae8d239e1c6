import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { NotFound } from '../../common/errors';
import type { ArchiveEntry } from '../../reports/archive/archive-entry';
import { deleteArchiveEntry } from '../../reports/archive/delete-archive-entry';
import { verifyArchive } from '../../reports/archive/verify-archive';
import { queryRows } from '../../reports/query-rows';
import type { AppContext } from '../app';

const id = Type.String({ minLength: 1, maxLength: 64 });
const ArchiveQuery = Type.Object({ school: Type.Optional(id), schoolId: Type.Optional(id), year: Type.Optional(Type.String({ maxLength: 9 })) }, { additionalProperties: false });
const schoolsOf = (allowed: string[] | null, named?: string): string[] | null => (named ? [named] : allowed);

/** The archive registry: list, re-hash check, download, deletion after retention (409 before). */
export async function archiveRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const listFor = async (schools: string[] | null, year?: string) => {
    const all = await queryRows<ArchiveEntry>(ctx.warehouse, 'archive-list', { school: null, year: year ?? null });
    return all.filter((e) => schools === null || schools.includes(e.school_id));
  };

  app.get<{ Querystring: { school?: string; schoolId?: string; year?: string } }>('/api/v1/archive', {
    config: { access: { roles: ['director', 'deputy', 'admin'], scope: 'school' } },
    schema: { querystring: ArchiveQuery },
  }, async (req) => ({ entries: await listFor(schoolsOf(req.caller!.allowedSchools, req.query.school ?? req.query.schoolId), req.query.year) }));

  app.get<{ Querystring: { school?: string; schoolId?: string; year?: string } }>('/api/v1/archive/verify', {
    config: { access: { roles: ['director', 'admin'], scope: 'school' } },
    schema: { querystring: ArchiveQuery },
  }, async (req) => {
    const schools = schoolsOf(req.caller!.allowedSchools, req.query.school ?? req.query.schoolId);
    const results = schools === null ? [await verifyArchive(ctx.warehouse, { year: req.query.year })]
      : await Promise.all(schools.map((school) => verifyArchive(ctx.warehouse, { school, year: req.query.year })));
    const problems = results.flatMap((r) => r.problems).map((p) => ({ entry_id: p.entry.entry_id, form_id: p.entry.form_id, school_id: p.entry.school_id, class_id: p.entry.class_id, status: p.status }));
    return { ok: problems.length === 0, checked: results.reduce((n, r) => n + r.checked, 0), problems };
  });

  const entryOf = async (entryId: string, allowed: string[] | null): Promise<ArchiveEntry> => {
    const entry = (await listFor(allowed)).find((e) => e.entry_id === entryId && !e.deleted_at);
    if (!entry) throw new NotFound('archive_entry_not_found', `Запись архива «${entryId}» не найдена`, `archive entry ${entryId} not found or out of scope`);
    return entry;
  };

  app.get<{ Params: { entryId: string } }>('/api/v1/archive/:entryId/file', {
    config: { access: { roles: ['director', 'deputy', 'admin'], scope: 'school' } },
    schema: { params: Type.Object({ entryId: id }) },
  }, async (req, reply) => {
    const entry = await entryOf(req.params.entryId, req.caller!.allowedSchools);
    if (!existsSync(entry.file_path)) throw new NotFound('archive_file_missing', 'Файл архива отсутствует на диске: проверьте архив (svodka verify)', `archive file ${entry.file_path} missing`);
    return reply.header('content-type', entry.kind === 'bundle' ? 'application/zip' : 'application/pdf')
      .header('content-disposition', `attachment; filename="${entry.form_id}-${entry.class_id ?? entry.school_id}.${entry.kind === 'bundle' ? 'zip' : 'pdf'}"`)
      .send(createReadStream(entry.file_path));
  });

  app.delete<{ Params: { entryId: string } }>('/api/v1/archive/:entryId', {
    config: { access: { roles: ['admin', 'director'], scope: 'school' } },
    schema: { params: Type.Object({ entryId: id }) },
  }, async (req) => {
    await entryOf(req.params.entryId, req.caller!.allowedSchools);
    await deleteArchiveEntry(ctx.warehouse, req.params.entryId);
    return { deleted: req.params.entryId };
  });
}
