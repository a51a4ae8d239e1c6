// Robustness: valid OneRoster and spreadsheet inputs, mutated (truncation, CP1251, swapped columns,
// huge cells, formulas, empty files and sheets, duplicated headers, byte noise) — 1,000+ cases. Each
// must end in a clear error (naming its file) or a correct conversion, never a crash; a sample goes
// through the full import, where a rejection must leave the warehouse as it was.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvertIssue } from '../../ingest/oneroster/convert-issue';
import { convertOneRosterFiles } from '../../ingest/oneroster/convert-oneroster';
import { csvLine, parseCsv } from '../../ingest/oneroster/parse-csv';
import { importOneRoster } from '../../ingest/oneroster/import-oneroster';
import { convertXlsx } from '../../ingest/xlsx/convert-xlsx';
import { loadProfiles } from '../../ingest/xlsx/xlsx-profile';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { makeWorkbook, setevoyJournal, type CellInput } from '../fixtures/imports/make-workbook';

const fixture = 'test/fixtures/imports/oneroster-gradebook';
const baseFiles = new Map(readdirSync(fixture).map((f) => [f, new Uint8Array(readFileSync(join(fixture, f)))]));
const names = [...baseFiles.keys()].sort();

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const lines = (t: string) => t.split(/\r?\n/);

/** Mutations of one CSV text; each returns the new bytes. */
const mutations: Record<string, (t: string) => Uint8Array> = {
  truncate: (t) => Buffer.from(t).subarray(0, Math.floor(rnd() * Buffer.byteLength(t))),
  cp1251: (t) => iconv.encode(t, 'win1251'),
  swapHeaderOnly: (t) => { const l = lines(t); const h = l[0]!.split(','); const [i, j] = [Math.floor(rnd() * h.length), Math.floor(rnd() * h.length)];
    [h[i], h[j]] = [h[j]!, h[i]!]; l[0] = h.join(','); return Buffer.from(l.join('\n')); },
  hugeCell: (t) => { const l = lines(t); const r = 1 + Math.floor(rnd() * Math.max(1, l.length - 2)); const c = (l[r] ?? '').split(',');
    c[Math.floor(rnd() * c.length)] = 'Я'.repeat(100_000); l[r] = c.join(','); return Buffer.from(l.join('\n')); },
  formula: (t) => { const l = lines(t); const r = 1 + Math.floor(rnd() * Math.max(1, l.length - 2)); const c = (l[r] ?? '').split(',');
    c[Math.floor(rnd() * c.length)] = pick(['=1+1', '=cmd|\' /C calc\'!A0', '@SUM(A1)', '+5', '-2']); l[r] = c.join(','); return Buffer.from(l.join('\n')); },
  empty: () => new Uint8Array(0),
  duplicateHeader: (t) => { const l = lines(t); const h = l[0]!.split(','); h[h.length - 1] = h[0]!; l[0] = h.join(','); return Buffer.from(l.join('\n')); },
  noise: (t) => { const b = Buffer.from(t); for (let k = 0; k < 5; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256); return b; },
  unclosedQuote: (t) => { const l = lines(t); l.splice(1 + Math.floor(rnd() * (l.length - 1)), 0, '"x,"y'); return Buffer.from(l.join('\n')); },
  extraCells: (t) => { const l = lines(t); l[1] = `${l[1]},zzz,yyy`; return Buffer.from(l.join('\n')); },
  bom: (t) => Buffer.from(`\uFEFF${t}`),
  dropRow: (t) => { const l = lines(t); l.splice(1 + Math.floor(rnd() * (l.length - 1)), 1); return Buffer.from(l.join('\n')); },
};

function wellFormed(issues: ConvertIssue[]): void {
  for (const i of issues) {
    expect(i.message.startsWith(i.file)).toBe(true);
    expect(i.message.length).toBeGreaterThan(i.file.length + 5);
    expect(/[а-яё]/i.test(i.message)).toBe(true);
    expect(i.logMessage).toBeTruthy();
  }
}

describe('fuzz: OneRoster (convert-only)', () => {
  it('800 mutated exports: a clear error or a conversion, never a crash', () => {
    const outcomes: Record<string, number> = {};
    for (let n = 0; n < 800; n++) {
      const files = new Map<string, Uint8Array>(baseFiles);
      const file = pick(names);
      const kind = n % 50 === 0 ? 'deleteFile' : pick(Object.keys(mutations));
      if (kind === 'deleteFile') files.delete(file);
      else files.set(file, mutations[kind]!(text(baseFiles.get(file)!)));
      const r = convertOneRosterFiles(files, { timezone: 'Asia/Yekaterinburg' });
      wellFormed(r.issues);
      const failed = r.issues.some((i) => i.severity === 'error');
      if (!failed) expect(r.drafts.length).toBe(1);
      outcomes[`${kind}:${failed ? 'error' : 'ok'}`] = (outcomes[`${kind}:${failed ? 'error' : 'ok'}`] ?? 0) + 1;
    }
    // both outcomes happen, and the harmless mutations never fail
    expect(outcomes['bom:error'] ?? 0).toBe(0);
    expect(outcomes['empty:error']).toBeGreaterThan(0);
    expect(outcomes['unclosedQuote:error']).toBeGreaterThan(0);
  });

  it('a CP1251 copy and a column-swapped copy convert to exactly the same bundle', () => {
    const base = convertOneRosterFiles(baseFiles).drafts[0]!.files;
    const cp = new Map([...baseFiles].map(([k, v]) => [k, iconv.encode(text(v), 'win1251') as Uint8Array]));
    expect(convertOneRosterFiles(cp).drafts[0]!.files).toEqual(base);
    const rotate = (cells: string[]) => [...cells.slice(1), cells[0]!];
    const swapped = new Map([...baseFiles].map(([k, v]) => {
      const t = parseCsv(text(v));
      return [k, Buffer.from(csvLine(rotate(t.header)) + t.rows.map((r) => csvLine(rotate(r))).join('')) as Uint8Array];
    }));
    expect(convertOneRosterFiles(swapped).drafts[0]!.files).toEqual(base);
  });
});

describe('fuzz: spreadsheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h7-fuzz-'));
  const opts = { schoolId: 'f', academicYear: '2025/2026', classTeacher: 'Орлова Ольга' };
  const csv = setevoyJournal.map((r) => r.map((c) => String(c ?? '')).join(';')).join('\n');
  const profiles = loadProfiles();

  it('250 mutated CSV journals convert or fail clearly', async () => {
    for (let n = 0; n < 250; n++) {
      const kind = pick(Object.keys(mutations));
      const path = join(dir, `j${n}.csv`);
      writeFileSync(path, mutations[kind]!(csv.replace(/;/g, ',')));
      const r = await convertXlsx(path, opts, profiles);
      wellFormed(r.issues);
      if (!r.issues.some((i) => i.severity === 'error')) expect(r.draft).not.toBeNull();
    }
  });

  it('60 mutated XLSX files (empty sheets, formulas, huge cells, duplicated headers, truncated zip)', async () => {
    const cases: { name: string; rows: CellInput[][] }[][] = [
      [{ name: 'Пусто', rows: [] }],
      [{ name: 'Пусто', rows: [] }, { name: 'Журнал', rows: setevoyJournal }],
      [{ name: 'Журнал', rows: [...setevoyJournal.slice(0, 6), [1, 'Петрова Анна', { formula: 'A1+1' }]] }],
      [{ name: 'Журнал', rows: [...setevoyJournal.slice(0, 6), [1, 'Петрова Анна', { formula: '2+3', result: 5 }]] }],
      [{ name: 'Журнал', rows: [...setevoyJournal.slice(0, 6), [1, 'Ж'.repeat(30_000), 5]] }],
      [{ name: 'Журнал', rows: [...setevoyJournal.slice(0, 5), ['№', 'Ученик', 'Ученик', '01.09'], [1, 'А', 'Б', 5]] }],
    ];
    let n = 0;
    const results: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (const c of cases) {
        const path = join(dir, `x${n++}.xlsx`);
        await makeWorkbook(path, c);
        const r = await convertXlsx(path, opts, profiles);
        wellFormed(r.issues);
        results.push(r.issues.filter((i) => i.severity === 'error').map((i) => i.code).join('+') || 'ok');
        const bytes = readFileSync(path);
        const cut = join(dir, `x${n++}.xlsx`);
        writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * (0.2 + 0.15 * round))));
        const t = await convertXlsx(cut, opts, profiles);
        wellFormed(t.issues);
        expect(t.issues.some((i) => i.severity === 'error')).toBe(true);
      }
    }
    expect(results.slice(0, 6), results.join(' ')).toEqual(['no_profile', 'ok', 'formula_without_value', 'ok', 'ok', 'duplicate_header']);
  });
});

describe('fuzz: a sample through the full import', () => {
  let w: Warehouse;
  beforeAll(async () => { w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-fuzzdb-')), 'w.duckdb')); });
  afterAll(() => w.close());
  const count = () => w.withConnection(async (c) => (await c.runAndReadAll(
    'select (select count(*) from raw.students) + (select count(*) from raw.marks) + (select count(*) from raw.lessons) + (select count(*) from raw.staff) n')).getRows()[0]![0]);

  it('12 mutated exports: a rejection writes nothing, an import writes what was converted', async () => {
    expect((await importOneRoster(w, fixture, { timezone: 'Asia/Yekaterinburg' })).status).toBe('applied');
    for (let n = 0; n < 12; n++) {
      const dir = mkdtempSync(join(tmpdir(), 'h7-fz-'));
      const file = pick(['results.csv', 'users.csv', 'classes.csv', 'enrollments.csv']);
      const kind = pick(['truncate', 'noise', 'hugeCell', 'formula', 'swapHeaderOnly', 'duplicateHeader']);
      for (const [f, b] of baseFiles) writeFileSync(join(dir, f), f === file ? mutations[kind]!(text(b)) : b);
      const before = await count();
      const r = await importOneRoster(w, dir, { timezone: 'Asia/Yekaterinburg' });
      if (r.status === 'rejected') expect(await count()).toBe(before);
      else expect(['applied', 'unchanged']).toContain(r.status);
    }
  });
});
