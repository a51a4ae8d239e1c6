// The first rows of an upload as they would be imported (after mapping), with what the converter found.
import { bundleSpec } from '../../common/bundle-spec';
import type { ImportIssue } from '../../common/import-report';
import { convertXlsx } from '../xlsx/convert-xlsx';
import type { XlsxOptions } from '../xlsx/xlsx-context';
import { draftRows, rowCount, type BundleDraft } from './bundle-draft';
import { convertOneRoster } from './convert-oneroster';
import type { ConvertIssue } from './convert-issue';
import { toImportIssue } from './import-drafts';
import type { OneRosterOptions } from './map-context';
import { parseCsv } from './parse-csv';
import { readSourceFiles } from './read-source-files';
import type { UploadFormat } from './upload-format';

export interface PreviewTable { file: string; columns: string[]; rows: string[][]; total: number }
export interface UploadPreview {
  format: UploadFormat;
  detected: { file: string; sheet: string; profile: string | null; headerLine: number | null }[];
  tables: PreviewTable[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorCount: number;
}

const cap = 50;

function tablesOf(draft: BundleDraft, limit: number): PreviewTable[] {
  return bundleSpec.filter((s) => rowCount(draft, s.file) > 0).map((s) => {
    const columns = s.columns.map((c) => c.name);
    const rows = draftRows(draft, s.file, limit);
    return { file: `${s.file}.csv`, columns, rows: rows.map((r) => columns.map((c) => r[c] ?? '')), total: rowCount(draft, s.file) };
  });
}

export async function previewUpload(path: string, format: UploadFormat, opts: OneRosterOptions & XlsxOptions, limit = 10): Promise<UploadPreview> {
  if (format === 'bundle') {
    const tables = [...readSourceFiles(path)].filter(([n]) => n.endsWith('.csv')).map(([file, bytes]) => {
      const t = parseCsv(Buffer.from(bytes).toString('utf8'));
      return { file, columns: t.header, rows: t.rows.slice(0, limit), total: t.rows.length };
    });
    return { format, detected: [], tables, errors: [], warnings: [], errorCount: 0 };
  }
  const conv: { drafts: BundleDraft[]; issues: ConvertIssue[]; detected: UploadPreview['detected']; dispose?: () => void } = format === 'oneroster'
    ? { ...(await convertOneRoster(path, opts)), detected: [] }
    : await convertXlsx(path, opts).then((c) => ({ ...c, drafts: c.draft ? [c.draft] : [] }));
  try {
    const errors = conv.issues.filter((i) => i.severity === 'error').map(toImportIssue);
    return {
      format, detected: conv.detected, tables: conv.drafts.flatMap((d) => tablesOf(d, limit)),
      errors: errors.slice(0, cap), warnings: conv.issues.filter((i) => i.severity === 'warning').map(toImportIssue).slice(0, cap), errorCount: errors.length,
    };
  } finally {
    conv.dispose?.();
  }
}
