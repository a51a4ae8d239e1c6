import { formatImportReport, type ReportLang } from '../../common/import-report';
import type { OtherImportReport } from './import-drafts';

/** The bundle report, then the converter's warnings and, for a dry run, what would change. */
export function formatOtherReport(r: OtherImportReport, lang: ReportLang = 'ru'): string {
  const ru = lang === 'ru';
  const out = [formatImportReport(r, lang)];
  if (r.warnings.length) {
    out.push(ru ? 'Предупреждения:' : 'Warnings:');
    for (const w of r.warnings) out.push(`  [${w.code}] ${ru ? w.message : w.logMessage}`);
  }
  for (const [school, tables] of Object.entries(r.changes ?? {})) {
    out.push(ru ? `Что изменится в школе ${school} (добавится / изменится / удалится / без изменений):` : `Changes for school ${school} (added / changed / removed / unchanged):`);
    for (const [t, c] of Object.entries(tables)) out.push(`  ${t.padEnd(16)} +${c.added} ~${c.changed} -${c.removed} =${c.unchanged}`);
  }
  return out.join('\n');
}
