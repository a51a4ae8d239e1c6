// The school being assembled from several spreadsheet files: people, classes and subjects are known
// by name in such exports, so each gets a stable id derived from its name (same name = same record
// across files and re-imports).
import { createHash } from 'node:crypto';
import type { BundleFileName } from '../../common/bundle-spec';
import { addRow, newDraft, type BundleDraft, type Provenance } from '../oneroster/bundle-draft';
import { SpillTable } from './spill-table';

const h = (s: string, n = 10) => createHash('sha1').update(s).digest('hex').slice(0, n);
export const normName = (s: string): string => s.trim().replace(/\s+/g, ' ').replace(/ё/g, 'е').replace(/Ё/g, 'Е').toLowerCase();

/** «7 Б», «7-б», «7«Б»» -> {grade 7, letter Б, id 7Б} */
export function parseClassCode(text: string): { id: string; grade: number; letter: string } | null {
  const m = /^\s*(\d{1,2})\s*[-«"]?\s*([А-ЯЁA-Z])["»]?\s*$/iu.exec(text);
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return null;
  const letter = m[2]!.toUpperCase();
  return { id: `${grade}${letter}`, grade, letter };
}

interface Rec { row: Record<string, string>; prov: Provenance }

/** The per-cell tables: past `spillFrom` rows they go to disk (spill-table.ts), never edited afterwards. */
const spillable: Partial<Record<BundleFileName, (row: Record<string, string>) => string>> = {
  marks: (r) => r.mark_id!,
  attendance: (r) => `${r.lesson_id}|${r.student_id}`,
};

export interface SpillOptions {
  /** rows of marks (or attendance) kept as objects before the table goes to disk */
  spillFrom: number;
  /** a directory that lives as long as the draft (created on first use) */
  dir: () => string;
}

export class XlsxSchool {
  private tables = new Map<BundleFileName, Map<string, Rec>>();
  private spills = new Map<BundleFileName, SpillTable>();
  /** a lesson id came again in a later sheet: spilled rows may repeat a key and are deduplicated at the end */
  lessonsRepeat = false;

  constructor(private readonly spill?: SpillOptions) {}

  private table(file: BundleFileName): Map<string, Rec> {
    let t = this.tables.get(file);
    if (!t) { t = new Map(); this.tables.set(file, t); }
    return t;
  }

  /** Adds a row under its key; the first occurrence wins (later ones may fill empty cells). */
  put(file: BundleFileName, key: string, row: Record<string, string>, prov: Provenance): boolean {
    const spilled = this.spills.get(file);
    if (spilled) { spilled.add(row, prov); return true; }
    const t = this.table(file);
    if (this.spill && spillable[file] && t.size >= this.spill.spillFrom && !t.has(key)) {
      const out = new SpillTable(this.spill.dir(), file);
      for (const r of t.values()) out.add(r.row, r.prov);
      t.clear();
      this.spills.set(file, out);
      out.add(row, prov);
      return true;
    }
    const old = t.get(key);
    if (old) {
      for (const [k, v] of Object.entries(row)) if (v && !old.row[k]) old.row[k] = v;
      return false;
    }
    t.set(key, { row, prov });
    return true;
  }

  has(file: BundleFileName, key: string): boolean { return this.table(file).has(key); }
  get(file: BundleFileName, key: string): Record<string, string> | undefined { return this.table(file).get(key)?.row; }
  count(file: BundleFileName): number { return this.table(file).size + (this.spills.get(file)?.count ?? 0); }
  /** the live rows of a file with where each came from */
  entries(file: BundleFileName): { row: Record<string, string>; prov: Provenance }[] { return [...this.table(file).values()]; }
  /** the live rows of a file (edits change the school) */
  rows(file: BundleFileName): Record<string, string>[] { return [...this.table(file).values()].map((r) => r.row); }

  staff(name: string, prov: Provenance): string {
    const id = `t-${h(normName(name))}`;
    this.put('staff', id, { staff_id: id, full_name: name.trim().replace(/\s+/g, ' '), position: 'teacher' }, prov);
    return id;
  }

  subject(name: string, prov: Provenance): string {
    const id = `subj-${h(normName(name), 8)}`;
    this.put('subjects', id, { subject_id: id, name: name.trim(), component: 'federal' }, prov);
    return id;
  }

  studentId(classId: string, name: string): string { return `s-${h(`${classId}|${normName(name)}`)}`; }

  toDraft(schoolId: string, manifest: Record<string, string>): BundleDraft {
    const draft = newDraft(schoolId);
    Object.assign(draft.manifest, manifest);
    for (const [file, t] of this.tables) {
      const spilled = this.spills.get(file);
      if (spilled) draft.files[file] = { rows: [], prov: [], spill: spilled.finish(this.lessonsRepeat ? spillable[file] : undefined) };
      else for (const { row, prov } of t.values()) addRow(draft, file, row, prov);
    }
    return draft;
  }
}
