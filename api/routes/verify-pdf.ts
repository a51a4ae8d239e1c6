import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ArchiveEntry } from '../../reports/archive/archive-entry';
import { sha256Hex } from '../../reports/archive/archive-file';
import { verdictRu, verifyDocument, type VerifyStatus } from '../../reports/archive/verify-document';
import { escapeHtml } from '../../reports/html/escape-html';
import { formatDateTimeRu } from '../../reports/html/format-ru';
import { queryRows } from '../../reports/query-rows';
import type { AppContext } from '../app';

/** The registry's word on a document id (the QR code's): is it ours, and is the archived copy unchanged? */
async function statusOfId(ctx: AppContext, sha256: string): Promise<{ status: VerifyStatus; entry: ArchiveEntry | null }> {
  const entry = (await queryRows<ArchiveEntry>(ctx.warehouse, 'archive-by-hash', { sha256 }))[0] ?? null;
  if (!entry) return { status: 'unknown', entry: null };
  const intact = existsSync(entry.file_path) && sha256Hex(readFileSync(entry.file_path)) === entry.sha256;
  return { status: intact || entry.deleted_at ? 'valid' : 'altered', entry };
}

const color: Record<VerifyStatus, string> = { valid: '#1b6e1b', altered: '#a40000', unknown: '#6b5800' };

function page(status: VerifyStatus, entry: ArchiveEntry | null, id: string): string {
  const facts = entry ? `<table>
<tr><td>Форма</td><td>${escapeHtml(entry.form_id)}</td></tr>
<tr><td>Школа</td><td>${escapeHtml(entry.school_id)}</td></tr>
<tr><td>Учебный год</td><td>${escapeHtml(entry.academic_year)}</td></tr>
${entry.class_id ? `<tr><td>Класс</td><td>${escapeHtml(entry.class_id)}</td></tr>` : ''}
<tr><td>Подписан</td><td>${escapeHtml(formatDateTimeRu(entry.archived_at, 'UTC'))} UTC</td></tr>
<tr><td>Подписант</td><td>${escapeHtml(entry.signer ?? '')}</td></tr>
<tr><td>SHA-256 файла</td><td><code>${escapeHtml(entry.sha256)}</code></td></tr>
<tr><td>Хранится до</td><td>${escapeHtml(entry.retain_until)}</td></tr></table>` : '';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Проверка документа — Сводка</title>
<style>body{font-family:'DejaVu Sans',sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.3rem}
.verdict{font-size:1.15rem;font-weight:bold;color:${color[status]};border:2px solid ${color[status]};padding:.8rem;border-radius:.4rem}
td{padding:.2rem .8rem .2rem 0;vertical-align:top}code{word-break:break-all}</style></head>
<body><h1>Проверка документа</h1><p>Идентификатор: <code>${escapeHtml(id)}</code></p>
<p class="verdict" data-status="${status}">${escapeHtml(verdictRu[status])}</p>${facts}
<p>Чтобы проверить сам файл, отправьте его: <code>POST /api/v1/verify</code> (тело — PDF) или <code>svodka verify-pdf ФАЙЛ</code>.</p></body></html>`;
}

/** Public: the page the stamp's QR code opens, and the file check (valid / altered / unknown). */
export async function verifyPdfRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get<{ Params: { sha256: string } }>('/verify/:sha256', {
    config: { access: { roles: 'any', scope: 'public' } },
    schema: { params: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }) }) },
  }, async (req, reply) => {
    const { status, entry } = await statusOfId(ctx, req.params.sha256.toLowerCase());
    return reply.header('content-type', 'text/html; charset=utf-8').send(page(status, entry, req.params.sha256));
  });

  app.post<{ Body: Buffer }>('/api/v1/verify', {
    config: { access: { roles: 'any', scope: 'public' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req) => {
    const v = await verifyDocument(ctx.warehouse, req.body);
    return { status: v.status, message: verdictRu[v.status], sha256: v.sha256, signer: v.signature.signerName,
      form_id: v.entry?.form_id ?? null, school_id: v.entry?.school_id ?? null, academic_year: v.entry?.academic_year ?? null };
  });
}
