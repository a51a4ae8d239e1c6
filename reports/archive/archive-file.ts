import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryRows } from '../query-rows';
import type { ArchiveEntry } from './archive-entry';

export interface ArchiveRequest {
  schoolId: string;
  academicYear: string;
  formId: string;
  classId?: string | null;
  periodId?: string | null;
  studentId?: string | null;
  kind: 'form' | 'bundle';
  contentSha256?: string | null;
  signer?: string | null;
  signed: boolean;
  retentionYears: number;
  /** the school year's last day, YYYY-MM-DD: retention runs from it */
  yearEndsOn: string;
  archivedAt: Date;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** YYYY-MM-DD plus whole years (29 February -> 28 February) */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Stores a file in the archive folder (temp name + rename) and registers it with its SHA-256 and
 * retention. The same bytes twice give the one existing entry.
 */
export async function archiveFile(warehouse: Warehouse, archiveDir: string, req: ArchiveRequest, bytes: Buffer): Promise<ArchiveEntry> {
  const sha256 = sha256Hex(bytes);
  const existing = (await queryRows<ArchiveEntry>(warehouse, 'archive-by-hash', { sha256 })).find((e) => e.sha256 === sha256 && !e.deleted_at);
  if (existing) return existing;
  const who = req.classId ?? req.studentId ?? 'school';
  const ext = req.kind === 'bundle' ? 'zip' : 'pdf';
  const path = join(archiveDir, safe(req.schoolId), safe(req.academicYear), `${req.formId}-${safe(who)}-${req.periodId ? `${safe(req.periodId)}-` : ''}${sha256.slice(0, 16)}.${ext}`);
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  }
  await queryRows(warehouse, 'archive-insert', {
    entry_id: randomUUID(), school_id: req.schoolId, academic_year: req.academicYear, form_id: req.formId,
    class_id: req.classId ?? null, period_id: req.periodId ?? null, student_id: req.studentId ?? null, kind: req.kind,
    sha256, content_sha256: req.contentSha256 ?? null, size_bytes: bytes.length, signer: req.signer ?? null, signed: req.signed,
    archived_at: req.archivedAt.toISOString(), retention_years: req.retentionYears,
    retain_until: addYears(req.yearEndsOn, req.retentionYears), file_path: path,
  });
  const [entry] = await queryRows<ArchiveEntry>(warehouse, 'archive-by-hash', { sha256 });
  return entry!;
}

const safe = (s: string): string => s.replace(/[^\p{L}\p{N}_.-]+/gu, '_');
