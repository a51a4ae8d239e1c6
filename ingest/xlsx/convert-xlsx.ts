// Spreadsheet exports of other journals (XLSX or CSV; one file or a folder of them) -> one bundle
// draft for the school: every sheet is matched to a profile by its headers, then mapped.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { emptyRequiredFiles, type BundleDraft } from '../oneroster/bundle-draft';
import { issue, type ConvertIssue } from '../oneroster/convert-issue';
import { finishSchool } from './finish-school';
import { mapFinalsSheet } from './map-finals-sheet';
import { mapJournalSheet } from './map-journal-sheet';
import { mapRosterSheet } from './map-roster-sheet';
import { CellFormulaError, csvSheet, isXlsx, readBytes, xlsxSheets, type Sheet, type SheetRow } from './read-sheets';
import { findHeader, type HeaderFound } from './sheet-header';
import { loadProfiles, type XlsxProfile } from './xlsx-profile';
import { XlsxContext, type XlsxOptions } from './xlsx-context';
import { XlsxSchool } from './xlsx-school';

export interface XlsxConversion {
  draft: BundleDraft | null;
  issues: ConvertIssue[];
  /** file -> sheet -> profile id, for the report and the preview */
  detected: { file: string; sheet: string; profile: string | null; headerLine: number | null }[];
  /** removes the marks/attendance a big journal spilled to disk (no-op otherwise) */
  dispose?: () => void;
}

/** marks or attendance rows held as objects before they are written to disk as converted (memory flat in cells) */
export const spillFrom = 20_000;

const mappers = { class_journal: mapJournalSheet, final_marks: mapFinalsSheet, roster: mapRosterSheet };

/** The spreadsheets of an upload: one file, a folder, or a .zip of several (extracted into `tmp`). */
export function listSpreadsheets(path: string, tmp: () => string): string[] {
  const pick = (names: string[]) => names.filter((f) => /\.(xlsx|csv|txt)$/i.test(f) && !f.startsWith('__MACOSX/')).sort();
  if (statSync(path).isDirectory()) return pick(readdirSync(path)).map((f) => join(path, f));
  const bytes = readBytes(path);
  if (!isXlsx(bytes)) return [path];
  let entries: Record<string, Uint8Array>;
  try {
    // only the listing and the spreadsheets inside are decompressed: a big workbook stays streamed
    const names: string[] = [];
    unzipSync(bytes, { filter: (f) => { names.push(f.name); return false; } });
    if (names.includes('xl/workbook.xml')) return [path];
    entries = unzipSync(bytes, { filter: (f) => /\.(xlsx|csv|txt)$/i.test(f.name) });
  } catch {
    return [path]; // a damaged workbook: the XLSX reader reports it with the file's name
  }
  const dir = tmp();
  return pick(Object.keys(entries)).map((name) => {
    const out = join(dir, basename(name));
    writeFileSync(out, entries[name]!);
    return out;
  });
}

export async function convertXlsx(path: string, opts: XlsxOptions, profiles: XlsxProfile[] = loadProfiles()): Promise<XlsxConversion> {
  let spillDir: string | null = null;
  const dispose = () => { if (spillDir) rmSync(spillDir, { recursive: true, force: true }); };
  const school = new XlsxSchool({ spillFrom: opts.spillFrom ?? spillFrom, dir: () => (spillDir ??= mkdtempSync(join(tmpdir(), 'svodka-xlsx-spill-'))) });
  try {
    return { ...(await convertWith(new XlsxContext(school, opts), path, profiles)), dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

async function convertWith(ctx: XlsxContext, path: string, profiles: XlsxProfile[]): Promise<XlsxConversion> {
  const opts = ctx.opts;
  const detected: XlsxConversion['detected'] = [];
  const chosen = opts.profile ? profiles.filter((p) => p.id === opts.profile) : profiles;
  if (opts.profile && !chosen.length) {
    ctx.issues.push(issue('error', 'unknown_profile', { file: basename(path) }, `профиль «${opts.profile}» не найден; есть: ${profiles.map((p) => p.id).join(', ')}`, `unknown profile ${opts.profile}`));
    return { draft: null, issues: ctx.issues, detected };
  }
  let tmp: string | null = null;
  try {
    return await convertFiles(ctx, listSpreadsheets(path, () => (tmp = mkdtempSync(join(tmpdir(), 'svodka-xlsx-')))), path, chosen, detected);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

async function convertFiles(ctx: XlsxContext, files: string[], path: string, chosen: XlsxProfile[], detected: XlsxConversion['detected']): Promise<XlsxConversion> {
  for (const full of files) {
    const file = basename(full);
    const bytes = readBytes(full);
    try {
      const sheets: AsyncIterable<Sheet> = isXlsx(bytes) ? xlsxSheets(full) : (async function* () {
        const c = csvSheet(bytes, file);
        if (c.encoding !== 'utf-8') ctx.warn(file, undefined, undefined, 'encoding_cp1251', 'файл не в UTF-8, прочитан как Windows-1251', 'decoded as Windows-1251');
        yield c.sheet;
      })();
      for await (const sheet of sheets) detected.push(await mapSheet(ctx, file, sheet, chosen));
    } catch (e) {
      if (e instanceof CellFormulaError) {
        ctx.error(file, e.line, undefined, 'formula_without_value', `в ячейке формула «${e.formula.slice(0, 60)}» без вычисленного значения — сохраните файл в Excel, чтобы значения посчитались`, e.message);
      } else {
        ctx.error(file, undefined, undefined, 'unreadable_file', `файл не читается как XLSX или CSV (${(e as Error).message.slice(0, 120)})`, `unreadable: ${(e as Error).message}`);
      }
    }
  }
  if (!detected.some((d) => d.profile)) {
    if (!ctx.issues.some((i) => i.severity === 'error')) {
      ctx.issues.push(issue('error', 'no_profile', { file: basename(path) }, `ни один лист не подошёл ни к одному профилю (${chosen.map((p) => p.id).join(', ')}) — проверьте заголовки или выберите профиль`,
        'no sheet matches a profile'));
    }
    return { draft: null, issues: ctx.issues, detected };
  }
  const draft = finishSchool(ctx, basename(path));
  if (draft) {
    const absent = emptyRequiredFiles(draft);
    if (absent.length) {
      ctx.issues.push(issue('warning', 'absent_in_source', { file: basename(path) }, `в выгрузке нет этих данных, они не выдумываются и записаны пустыми: ${absent.join(', ')}`,
        `not in the export, written empty: ${absent.join(', ')}`));
    }
  }
  return { draft, issues: ctx.issues, detected };
}

async function mapSheet(ctx: XlsxContext, file: string, sheet: Sheet, profiles: XlsxProfile[]): Promise<XlsxConversion['detected'][number]> {
  const it = sheet.rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  const limit = Math.max(...profiles.map((p) => p.headerSearchRows));
  while (head.length < limit) {
    const n = await it.next();
    if (n.done) break;
    head.push(n.value);
  }
  const rest: AsyncIterable<SheetRow> = { [Symbol.asyncIterator]: () => it };
  const drain = async () => { for await (const _ of rest) { /* the stream must be read to reach the next sheet */ } };
  const where = `${file}${sheet.index > 0 || sheet.name !== file ? ` [${sheet.name}]` : ''}`;
  if (!head.some((r) => r.cells.some(Boolean))) {
    ctx.warn(where, undefined, undefined, 'empty_sheet', 'лист пуст, пропущен', 'empty sheet skipped');
    await drain();
    return { file, sheet: sheet.name, profile: null, headerLine: null };
  }
  const found = findHeader(head, sheet.name, profiles);
  const best: HeaderFound | undefined = found[0];
  if (!best) {
    ctx.warn(where, undefined, undefined, 'sheet_not_recognized', `заголовки листа не подходят ни к одному профилю (${profiles.map((p) => p.id).join(', ')}); лист пропущен`,
      'sheet does not match a profile; skipped');
    await drain();
    return { file, sheet: sheet.name, profile: null, headerLine: null };
  }
  if (found[1] && found[1].score === best.score) {
    ctx.error(where, best.header.line, undefined, 'ambiguous_profile', `лист подходит к нескольким профилям (${best.profile.id}, ${found[1].profile.id}) — выберите профиль явно`,
      'sheet matches several profiles');
    await drain();
    return { file, sheet: sheet.name, profile: null, headerLine: best.header.line };
  }
  async function* all(): AsyncGenerator<SheetRow> {
    yield* head;
    for await (const r of rest) {
      if (++ctx.rowsRead % 1000 === 0) ctx.opts.onRows?.(ctx.rowsRead);
      yield r;
    }
  }
  await mappers[best.profile.kind](ctx, where, best, all());
  return { file, sheet: sheet.name, profile: best.profile.id, headerLine: best.header.line };
}
