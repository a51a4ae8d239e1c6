import { defineStore } from 'pinia';
import { ApiError, get, withQuery, type Query } from '../api/http';
import { normaliseMe } from './session';

type RawMe = Parameters<typeof normaliseMe>[0];

export interface ImportIssue { file: string; line: number | null; column: string | null; code: string; message: string }
export interface FileCounts { file: string; present: boolean; read: number; accepted: number; rejected: number }
export interface ImportReport {
  batchId: string; status: 'applied' | 'unchanged' | 'rejected' | 'dry_run'; schoolId: string | null; files: FileCounts[];
  issues: ImportIssue[]; issuesOmitted: number; warnings?: ImportIssue[]; written: Record<string, number>;
  changes?: Record<string, Record<string, { added: number; changed: number; removed: number; unchanged: number }>>;
}
export interface Preview {
  format: string; detected: { file: string; sheet: string; profile: string | null; headerLine: number | null }[];
  tables: { file: string; columns: string[]; rows: string[][]; total: number }[]; errors: ImportIssue[]; warnings: ImportIssue[]; errorCount: number;
}
export interface Job { id: string; phase: 'received' | 'converting' | 'importing' | 'done' | 'failed'; percent: number; rowsRead: number; format: string; report: ImportReport | null; error: string | null }
export interface Batch { batch_id: string; source: string; format: string; status: string; rejected: number; actor: string | null; started_at: string }
export interface ImportOptions { format: string; timezone: string; academicYear: string; profile: string; className: string; subject: string; teacher: string; classTeacher: string; partial: boolean; dryRun: boolean }

/** Sends a file as the raw request body (the shared client speaks JSON only). */
async function upload<T>(path: string, query: Query, file: Blob): Promise<T> {
  const { csrfToken } = normaliseMe(await get<RawMe>('/api/v1/auth/me'));
  const res = await fetch(withQuery(path, query), {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? `Ошибка сервера (${res.status})`);
  return data as T;
}

const optionQuery = (school: string, fileName: string, o: ImportOptions): Query => ({
  targetSchool: school, fileName, format: o.format, timezone: o.timezone, academicYear: o.academicYear, profile: o.profile,
  className: o.className, subject: o.subject, teacher: o.teacher, classTeacher: o.classTeacher,
  partial: o.partial || undefined, dryRun: o.dryRun || undefined,
});

/** The import screen: upload, preview, a running job with its progress, and the batch history. */
export const useImportsStore = defineStore('imports', {
  state: () => ({
    options: { format: 'auto', timezone: '', academicYear: '', profile: '', className: '', subject: '', teacher: '', classTeacher: '', partial: false, dryRun: false } as ImportOptions,
    profiles: [] as { id: string; title: string; kind: string }[],
    preview: null as Preview | null,
    job: null as Job | null,
    history: [] as Batch[],
    busy: false,
    error: null as string | null,
  }),
  actions: {
    async loadHistory(school: string): Promise<Batch[]> {
      this.history = (await get<{ batches: Batch[] }>('/api/v1/imports', { targetSchool: school })).batches;
      return this.history;
    },
    async loadProfiles(school: string): Promise<void> {
      this.profiles = (await get<{ profiles: { id: string; title: string; kind: string }[] }>('/api/v1/imports/profiles', { targetSchool: school })).profiles;
    },
    async runPreview(school: string, file: File): Promise<void> {
      this.error = null;
      this.busy = true;
      try {
        this.preview = await upload<Preview>('/api/v1/imports/preview', optionQuery(school, file.name, this.options), file);
      } catch (err) {
        this.error = (err as Error).message;
      } finally {
        this.busy = false;
      }
    },
    async start(school: string, file: File, pollMs = 500): Promise<void> {
      this.error = null;
      this.busy = true;
      try {
        const { jobId } = await upload<{ jobId: string }>('/api/v1/imports', optionQuery(school, file.name, this.options), file);
        for (;;) {
          this.job = await get<Job>(`/api/v1/imports/jobs/${jobId}`, { targetSchool: school });
          if (this.job.phase === 'done' || this.job.phase === 'failed') break;
          await new Promise((r) => setTimeout(r, pollMs));
        }
        if (this.job.error) this.error = this.job.error;
        await this.loadHistory(school);
      } catch (err) {
        this.error = (err as Error).message;
      } finally {
        this.busy = false;
      }
    },
    errorsUrl(school: string, batchId: string): string {
      return withQuery(`/api/v1/imports/${encodeURIComponent(batchId)}/errors.csv`, { targetSchool: school });
    },
  },
});
