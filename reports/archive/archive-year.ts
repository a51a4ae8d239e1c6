import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { exportBundle } from '../../ingest/bundle/export-bundle';
import { queryRows } from '../query-rows';
import { loadSchool } from '../forms/school-context';
import type { ProduceContext } from '../produce-form';
import { produceForms } from '../produce-forms';
import type { Signer } from '../sign/signer';
import type { ArchiveEntry } from './archive-entry';
import { archiveFile } from './archive-file';

/**
 * The year-end archive of a school (regulation, director cl. 16; R-ARCHIVE): for every class the signed
 * F-JOURNAL (kept 5 years) and F-SUMMARY (kept 25 years), plus a zip snapshot of the school's bundle.
 */
export async function archiveYear(ctx: ProduceContext, opts: { school: string; year?: string; signer?: Signer; now?: Date; onEntry?: (e: ArchiveEntry) => void }): Promise<ArchiveEntry[]> {
  const school = await loadSchool(ctx.warehouse, { school: opts.school, year: opts.year }, 'archive');
  const classes = await queryRows<{ class_id: string }>(ctx.warehouse, 'school-classes', { school: school.school_id });
  const now = opts.now ?? new Date();
  const entries: ArchiveEntry[] = [];
  const add = (e: ArchiveEntry) => {
    entries.push(e);
    opts.onEntry?.(e);
  };
  const reqs = classes.map(({ class_id }) => ({ school: school.school_id, class: class_id, year: school.academic_year }));
  const byForm: ArchiveEntry[][] = [];
  for (const form of ['F-JOURNAL', 'F-SUMMARY'] as const) {
    byForm.push((await produceForms(ctx, form, reqs, { sign: true, madeAt: now, signer: opts.signer, onForm: (r) => opts.onEntry?.(r.entry!) })).map((r) => r.entry!));
  }
  // per class: its journal, then its summary
  classes.forEach((_, i) => byForm.forEach((entriesOfForm) => entries.push(entriesOfForm[i]!)));
  const dir = mkdtempSync(join(tmpdir(), 'svodka-snapshot-'));
  try {
    await exportBundle(ctx.warehouse, school.school_id, dir);
    const files = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
    // fixed timestamps so that the same data gives the same zip (and the same hash)
    const zip = Buffer.from(zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }));
    add(await archiveFile(ctx.warehouse, ctx.reports.archiveDir, {
      schoolId: school.school_id, academicYear: school.academic_year, formId: 'BUNDLE', kind: 'bundle', signed: false,
      retentionYears: 5, yearEndsOn: school.year_ends_on, archivedAt: now,
    }, zip));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return entries;
}
