// Marks and attendance of a big journal written to the bundle file as they are converted, in bounded
// batches, instead of one object per cell: memory stays flat in the number of cells. Provenance is kept
// per row as a line number and a shared template (file + columns), 8 bytes a row.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSpec, type BundleFileName } from '../../common/bundle-spec';
import type { Provenance, SpilledRows } from '../oneroster/bundle-draft';
import { csvLine, parseCsv } from '../oneroster/parse-csv';

const batchRows = 2000;

export class SpillTable {
  readonly path: string;
  private readonly columns: string[];
  private fd: number;
  private buffer: string[] = [];
  private lines = new Int32Array(4096);
  private tpl = new Int32Array(4096);
  private templates: Provenance[] = [];
  private templateOf = new Map<Record<string, string>, number>();
  count = 0;

  constructor(dir: string, readonly file: BundleFileName) {
    this.path = join(dir, `${file}.csv`);
    this.columns = bundleSpec.find((s) => s.file === file)!.columns.map((c) => c.name);
    this.fd = openSync(this.path, 'w');
    this.buffer.push(csvLine(this.columns));
  }

  /** `columns` objects are shared by the rows of a sheet column: they identify the provenance template. */
  add(row: Record<string, string>, prov: Provenance): void {
    this.buffer.push(csvLine(this.columns.map((c) => row[c] ?? '')));
    let t = this.templateOf.get(prov.columns);
    if (t === undefined || this.templates[t]!.file !== prov.file) {
      t = this.templates.push({ file: prov.file, line: 0, columns: prov.columns }) - 1;
      this.templateOf.set(prov.columns, t);
    }
    if (this.count === this.lines.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.lines = grow(this.lines);
      this.tpl = grow(this.tpl);
    }
    this.lines[this.count] = prov.line;
    this.tpl[this.count++] = t;
    if (this.buffer.length >= batchRows) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
  }

  /**
   * Closes the file. `keyOf` given: rows whose key an earlier row holds are dropped (the first wins,
   * as in XlsxSchool.put) — read back whole, for the rare import where two sheets hold the same lessons.
   */
  finish(keyOf?: (row: Record<string, string>) => string): SpilledRows {
    this.flush();
    closeSync(this.fd);
    if (keyOf) this.dedupe(keyOf);
    const { lines, tpl, templates, count } = this;
    return { path: this.path, count, provAt: (i) => (i < 0 || i >= count ? undefined : { ...templates[tpl[i]!]!, line: lines[i]! }) };
  }

  private dedupe(keyOf: (row: Record<string, string>) => string): void {
    const t = parseCsv(readFileSync(this.path, 'utf8'));
    const seen = new Set<string>();
    const out: string[] = [csvLine(this.columns)];
    let n = 0;
    t.rows.forEach((cells, i) => {
      const key = keyOf(Object.fromEntries(this.columns.map((c, k) => [c, cells[k] ?? ''])));
      if (seen.has(key)) return;
      seen.add(key);
      out.push(csvLine(cells));
      this.lines[n] = this.lines[i]!;
      this.tpl[n++] = this.tpl[i]!;
    });
    writeFileSync(this.path, out.join(''));
    this.count = n;
  }
}
