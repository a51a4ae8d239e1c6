// Uploads imported in the background so that the screen can show progress: a job per upload, kept in
// memory by the one process that owns the warehouse. The batch itself is recorded by the importer.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '../../common/errors';
import type { ImportReport } from '../../common/import-report';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { importBundle } from '../bundle/import-bundle';
import { importXlsx } from '../xlsx/import-xlsx';
import type { XlsxOptions } from '../xlsx/xlsx-context';
import type { OtherImportReport } from './import-drafts';
import { importOneRoster } from './import-oneroster';
import type { OneRosterOptions } from './map-context';
import { parseCsv } from './parse-csv';
import { readSourceFiles } from './read-source-files';
import type { UploadFormat } from './upload-format';

export type JobPhase = 'received' | 'converting' | 'importing' | 'done' | 'failed';
export interface ImportJob {
  id: string;
  schoolId: string;
  owner: string;
  phase: JobPhase;
  percent: number;
  /** spreadsheet rows read so far (big files take a while to convert) */
  rowsRead: number;
  fileName: string;
  format: UploadFormat;
  report: (ImportReport & Partial<OtherImportReport>) | null;
  error: string | null;
  /** settles when the job has finished (tests wait on it) */
  done?: Promise<void>;
}

export interface JobOptions extends OneRosterOptions, XlsxOptions {
  schoolId: string;
  partial?: boolean;
  dryRun?: boolean;
  actor: string;
}

/** A safe local name for an upload (no folders, keeps the extension the readers look at). */
export const uploadName = (fileName: string, format: UploadFormat): string => {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-100) || 'upload';
  return format === 'xlsx' && !/\.zip$/i.test(base) ? base : base.replace(/(\.zip)?$/i, '.zip');
};

export class ImportJobs {
  private jobs = new Map<string, ImportJob>();

  get(id: string): ImportJob | undefined { return this.jobs.get(id); }

  /** Writes the upload to a temp folder and imports it; resolves when the job is registered. */
  start(warehouse: Warehouse, bytes: Uint8Array, fileName: string, format: UploadFormat, opts: JobOptions): ImportJob {
    const job: ImportJob = { id: randomUUID(), schoolId: opts.schoolId, owner: opts.actor, phase: 'received', percent: 5, rowsRead: 0, fileName, format, report: null, error: null };
    this.jobs.set(job.id, job);
    const dir = mkdtempSync(join(tmpdir(), 'svodka-upload-'));
    const path = join(dir, uploadName(fileName, format));
    writeFileSync(path, bytes);
    job.done = this.run(warehouse, job, path, opts).finally(() => rmSync(dir, { recursive: true, force: true }));
    return job;
  }

  private async run(warehouse: Warehouse, job: ImportJob, path: string, opts: JobOptions): Promise<void> {
    try {
      job.phase = 'converting';
      job.percent = 20;
      await new Promise((r) => setImmediate(r));
      const common = { partial: opts.partial, dryRun: opts.dryRun, actor: opts.actor, source: job.fileName };
      job.phase = job.format === 'xlsx' ? 'converting' : 'importing';
      job.percent = 40;
      job.report = job.format === 'oneroster' ? await importOneRoster(warehouse, path, { ...opts, ...common })
        : job.format === 'xlsx' ? await importXlsx(warehouse, path, { ...opts, ...common, onRows: (n) => { job.rowsRead = n; } })
          : await this.bundle(warehouse, path, opts.schoolId, common);
      job.phase = 'done';
      job.percent = 100;
    } catch (e) {
      job.phase = 'failed';
      job.error = (e as Error).message;
    }
    // keep the last 50 jobs
    if (this.jobs.size > 50) this.jobs.delete(this.jobs.keys().next().value!);
  }

  /** A bundle upload must be the caller's school: checked on its manifest before importing. */
  private async bundle(warehouse: Warehouse, path: string, schoolId: string, common: object): Promise<ImportReport> {
    const manifest = readSourceFiles(path).get('manifest.csv');
    const t = manifest ? parseCsv(Buffer.from(manifest).toString('utf8')) : null;
    const own = t?.rows.find((r) => r[0] === 'school_id')?.[1];
    if (own !== schoolId) {
      throw new ValidationError('other_school', `Набор данных школы «${own ?? '?'}», а загрузка идёт в школу ${schoolId}`, `bundle of school ${own} uploaded to ${schoolId}`);
    }
    return importBundle(warehouse, path, common);
  }
}
