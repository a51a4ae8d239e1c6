// `npm run bench -- import-other [--results N] [--cells N]`: OneRoster results (default 1M rows) and an
// XLSX class journal (default 100k cells, also a tenth and ten times that, to show memory flat in
// cells) — rows or cells per second and peak RSS, each against baselines measured in the same run
// (reading the same file without mapping it: JS CSV parse and DuckDB read_csv; exceljs streaming read).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import ExcelJS from 'exceljs';
import { convertOneRoster } from '../ingest/oneroster/convert-oneroster';
import { rowCount } from '../ingest/oneroster/bundle-draft';
import { parseCsv } from '../ingest/oneroster/parse-csv';
import { DuckDBInstance } from '@duckdb/node-api';
import { convertXlsx } from '../ingest/xlsx/convert-xlsx';
import { xlsxSheets } from '../ingest/xlsx/read-sheets';

const arg = (args: string[], name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

// a full collection before and after each run: the heap still held after it shows what the conversion
// keeps (peak RSS also counts garbage not yet collected, which depends on the collector's timing)
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs fn while sampling RSS; returns seconds, the peak RSS growth and the heap still held by its result. */
async function measure<T>(fn: () => Promise<T> | T): Promise<{ s: number; peak: number; held: number; value: T }> {
  gc();
  const heap = process.memoryUsage().heapUsed;
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t = performance.now();
  const value = await fn();
  const s = (performance.now() - t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  gc();
  return { s, peak: peak - start, held: Math.max(0, process.memoryUsage().heapUsed - heap), value };
}

/** The floor for reading results.csv natively: DuckDB's read_csv counting its rows, nothing mapped. */
async function countWithReadCsv(path: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const r = await conn.runAndReadAll(readFileSync(join(import.meta.dirname, 'import-other-read-csv.sql'), 'utf8'), { path });
    return Number(r.getRows()[0]![0]);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

function writeOneRoster(dir: string, rows: number): void {
  const students = 1000;
  const items = Math.ceil(rows / students);
  const ts = '2025-09-01T00:00:00Z';
  writeFileSync(join(dir, 'manifest.csv'), 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n');
  writeFileSync(join(dir, 'orgs.csv'), `sourcedId,status,dateLastModified,name,type\nsch,active,${ts},Школа,school\n`);
  writeFileSync(join(dir, 'academicSessions.csv'), `sourcedId,status,dateLastModified,title,type,startDate,endDate\ny,active,${ts},Год,schoolYear,2025-09-01,2026-05-31\n`);
  const users = ['sourcedId,status,dateLastModified,givenName,familyName,role', `t1,active,${ts},Мария,Иванова,teacher`];
  for (let s = 0; s < students; s++) users.push(`s${s},active,${ts},Имя${s},Фамилия${s},student`);
  writeFileSync(join(dir, 'users.csv'), users.join('\n') + '\n');
  writeFileSync(join(dir, 'classes.csv'), `sourcedId,status,dateLastModified,title,classType,schoolSourcedId,courseSourcedId\nc1,active,${ts},Математика,scheduled,sch,m\n`);
  const en = ['sourcedId,status,dateLastModified,classSourcedId,userSourcedId,role,primary', `e-t,active,${ts},c1,t1,teacher,true`];
  for (let s = 0; s < students; s++) en.push(`e${s},active,${ts},c1,s${s},student,false`);
  writeFileSync(join(dir, 'enrollments.csv'), en.join('\n') + '\n');
  const li = ['sourcedId,status,dateLastModified,title,assignDate,classSourcedId'];
  for (let i = 0; i < items; i++) li.push(`li${i},active,${ts},Работа ${i},2025-09-${String(1 + (i % 28)).padStart(2, '0')},c1`);
  writeFileSync(join(dir, 'lineItems.csv'), li.join('\n') + '\n');
  const parts: string[] = ['sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score\n'];
  for (let n = 0; n < rows; n++) parts.push(`r${n},active,2025-09-10T10:00:00+05:00,li${Math.floor(n / students)},s${n % students},fully graded,${1 + (n % 5)}\n`);
  writeFileSync(join(dir, 'results.csv'), parts.join(''));
}

async function writeJournal(path: string, cells: number): Promise<void> {
  const dates = 100;
  const students = Math.ceil(cells / dates);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet('Журнал');
  ws.addRow(['Класс: 7Б']).commit();
  ws.addRow(['Предмет: Математика']).commit();
  ws.addRow(['Учитель: Иванова Мария']).commit();
  const day = (i: number) => { const d = new Date(Date.UTC(2025, 8, 1 + i)); return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}`; };
  ws.addRow(['№', 'Ученик', ...Array.from({ length: dates }, (_, i) => day(i))]).commit();
  for (let s = 0; s < students; s++) ws.addRow([s + 1, `Ученик Номер${s}`, ...Array.from({ length: dates }, (_, i) => ((s + i) % 7 === 0 ? 'н' : String(2 + ((s + i) % 4))))]).commit();
  await wb.commit();
}

export async function run(args: string[]): Promise<void> {
  const rows = arg(args, 'results', 1_000_000);
  const cells = arg(args, 'cells', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-other-'));
  try {
    writeOneRoster(dir, rows);
    const resultsPath = join(dir, 'results.csv');
    const base = await measure(() => parseCsv(readFileSync(resultsPath, 'utf8')).rows.length);
    const nativeBase = await measure(() => countWithReadCsv(resultsPath));
    if (nativeBase.value !== rows) throw new Error(`read_csv counted ${nativeBase.value} rows, expected ${rows}`);
    const conv = await measure(() => convertOneRoster(dir, { timezone: 'Asia/Yekaterinburg' }));
    const marks = conv.value.drafts[0] ? rowCount(conv.value.drafts[0], 'marks') : 0;
    conv.value.dispose?.();
    if (marks !== rows) throw new Error(`expected ${rows} marks, converted ${marks}: ${conv.value.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
    console.log(`OneRoster results ${rows} rows: convert ${(rows / conv.s / 1000).toFixed(0)}k rows/s (${conv.s.toFixed(2)} s, +${mb(conv.peak)} RSS, heap held +${mb(conv.held)}); `
      + `baselines: JS CSV parse only ${(rows / base.s / 1000).toFixed(0)}k rows/s, DuckDB read_csv count only ${(rows / nativeBase.s / 1000).toFixed(0)}k rows/s; `
      + `ratio to read_csv ${(nativeBase.s / conv.s).toFixed(2)} (target ≥ 500k rows/s)`);

    // memory must stay flat in the number of cells: the same journal at three sizes
    for (const n of [Math.max(1000, Math.floor(cells / 10)), cells, cells * 10]) {
      const path = join(dir, `journal-${n}.xlsx`);
      await writeJournal(path, n);
      const raw = await measure(async () => { let c = 0; for await (const sh of xlsxSheets(path)) for await (const r of sh.rows) c += r.cells.length; return c; });
      const x = await measure(() => convertXlsx(path, { schoolId: 'b', academicYear: '2025/2026', classTeacher: 'Орлова Ольга' }));
      const got = x.value.draft ? rowCount(x.value.draft, 'marks') + rowCount(x.value.draft, 'attendance') : 0;
      x.value.dispose?.();
      if (got !== n) throw new Error(`expected ${n} marks+absences, converted ${got}: ${x.value.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
      console.log(`XLSX journal ${n} cells: convert ${(n / x.s / 1000).toFixed(0)}k cells/s (${x.s.toFixed(2)} s, peak +${mb(x.peak)} RSS, heap held after GC +${mb(x.held)}, ${got} marks+absences); `
        + `baseline streaming read only ${(n / raw.s / 1000).toFixed(0)}k cells/s (peak +${mb(raw.peak)}); ratio ${(raw.s / x.s).toFixed(2)} (target ≥ 50k cells/s, memory flat)`);
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
