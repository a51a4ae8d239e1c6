import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { MarkScale } from '../../common/bundle-spec';
import { formatOtherReport } from '../../ingest/oneroster/format-other-report';
import { importOneRoster } from '../../ingest/oneroster/import-oneroster';
import { loadProfiles } from '../../ingest/xlsx/xlsx-profile';
import { importXlsx } from '../../ingest/xlsx/import-xlsx';
import { withWarehouse } from '../context';

interface Opts {
  format: string; partial?: boolean; dryRun?: boolean; lang: string; json?: boolean; timezone?: string; markScale?: MarkScale;
  school?: string; schoolName?: string; academicYear?: string; yearStartsOn?: string; yearEndsOn?: string; profile?: string;
  className?: string; subject?: string; teacher?: string; classTeacher?: string; enteredAt?: string; listProfiles?: boolean;
}

/** `svodka import-other PATH --format oneroster|xlsx`: the options these formats need that a bundle carries itself. */
export function registerImportOther(program: Command): void {
  program
    .command('import-other')
    .description('import a OneRoster 1.1/1.2 CSV export or XLSX/CSV journal exports of another system (with their options)')
    .argument('[path]', 'OneRoster folder or .zip; an .xlsx/.csv file or a folder of them')
    .option('--format <format>', 'oneroster or xlsx', 'oneroster')
    .option('--partial', 'load the valid rows and record the rejected ones')
    .option('--dry-run', 'show what would change (per table: added, changed, removed) without writing')
    .option('--timezone <iana>', 'the school\'s time zone (neither format carries one)')
    .option('--mark-scale <scale>', 'five_point, ten_point or pass_fail')
    .option('--school <id>', 'xlsx: the school id')
    .option('--school-name <name>', 'xlsx: the school name')
    .option('--academic-year <y>', 'e.g. 2025/2026 (needed when dates carry no year)')
    .option('--year-starts-on <date>').option('--year-ends-on <date>')
    .option('--profile <id>', 'xlsx: use this mapping profile instead of detecting it')
    .option('--class-name <code>', 'xlsx: class when the sheet does not say, e.g. 7Б')
    .option('--subject <name>').option('--teacher <name>').option('--class-teacher <name>')
    .option('--entered-at <iso>', 'xlsx: when marks were recorded (default: end of each lesson day)')
    .option('--list-profiles', 'list the shipped XLSX profiles and exit')
    .option('--lang <lang>', 'ru or en', 'ru')
    .option('--json', 'print the report as JSON')
    .action(async (path: string | undefined, o: Opts) => {
      if (o.listProfiles || !path) {
        for (const p of loadProfiles()) console.log(`${p.id.padEnd(24)} ${p.kind.padEnd(14)} ${p.title}`);
        return;
      }
      await withWarehouse(async (warehouse) => {
        const common = { partial: o.partial, dryRun: o.dryRun, actor: `cli:${userInfo().username}`, timezone: o.timezone, markScale: o.markScale,
          yearStartsOn: o.yearStartsOn, yearEndsOn: o.yearEndsOn };
        const report = o.format === 'xlsx'
          ? await importXlsx(warehouse, path, { ...common, schoolId: o.school, schoolName: o.schoolName, academicYear: o.academicYear, profile: o.profile,
            className: o.className, subject: o.subject, teacher: o.teacher, classTeacher: o.classTeacher, enteredAt: o.enteredAt })
          : await importOneRoster(warehouse, path, common);
        console.log(o.json ? JSON.stringify(report, null, 2) : formatOtherReport(report, o.lang === 'en' ? 'en' : 'ru'));
        if (report.status === 'rejected') process.exitCode = 1;
      });
    });
}
