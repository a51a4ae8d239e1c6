// A default-size generated school checked against common/bundle-spec.ts row by row (columns, required
// cells, types, enums, mark values, unique keys, references, offsets of the school's zone) and for
// realistic volumes.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec, fileSpec, type BundleFileName, type ColumnSpec } from '../../common/bundle-spec';
import { generateDistrict, type DistrictResult } from '../../ingest/demo/generate-district';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  return rows;
}

const checks: Record<string, (v: string, c: ColumnSpec) => boolean> = {
  id: (v) => /^\S+$/.test(v),
  text: () => true,
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(v)),
  time: (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
  timestamp: (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+\d\d:\d\d$/.test(v),
  int: (v, c) => /^\d+$/.test(v) && (c.type.kind !== 'int' || ((c.type.min ?? -Infinity) <= +v && +v <= (c.type.max ?? Infinity))),
  number: (v) => /^\d+(\.\d+)?$/.test(v),
  bool: (v) => v === 'true' || v === 'false',
  enum: (v, c) => c.type.kind === 'enum' && (c.type.open === true || c.type.values.includes(v)),
  mark: (v) => /^[1-5]$/.test(v),
  final_mark: (v) => /^[1-5]$/.test(v) || ['осв', 'н/а', 'безотм'].includes(v),
};

describe('a default demo school', () => {
  let district: DistrictResult;
  const files = new Map<BundleFileName, string[][]>();
  beforeAll(() => {
    district = generateDistrict({ schools: 1, seed: 3, outDir: mkdtempSync(join(tmpdir(), 'demo-shape-')) });
    const dir = district.schools[0]!.dir;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')))
      files.set(name.replace('.csv', '') as BundleFileName, parseCsv(readFileSync(join(dir, name), 'utf8')));
  });

  it('writes every file of the bundle spec, no other CSV, UTF-8 without BOM', () => {
    expect([...files.keys()].sort()).toEqual(bundleSpec.map((f) => f.file).sort());
    const manifest = readFileSync(join(district.schools[0]!.dir, 'manifest.csv'));
    expect(manifest[0]).toBe('k'.charCodeAt(0));
  });

  it('every row follows the spec: columns, required cells, types, unique keys, references', () => {
    const problems: string[] = [];
    const values = (file: BundleFileName, column: string) => {
      const [header, ...rows] = files.get(file) ?? [[]];
      const i = header!.indexOf(column);
      return new Set(rows.map((r) => r[i] as string));
    };
    for (const [file, [header, ...rows]] of files) {
      const spec = fileSpec(file);
      expect(header, file).toEqual(spec.columns.map((c) => c.name));
      const keys = new Set<string>();
      const refs = new Map(spec.columns.filter((c) => c.ref).map((c) => [c.name, values(c.ref!.file, c.ref!.column)]));
      rows.forEach((row, n) => {
        if (row.length !== header!.length) problems.push(`${file}:${n + 2} has ${row.length} cells`);
        spec.columns.forEach((c, i) => {
          const v = row[i] ?? '';
          if (v === '') { if (c.required) problems.push(`${file}:${n + 2} ${c.name} empty`); return; }
          if (!checks[c.type.kind]!(v, c)) problems.push(`${file}:${n + 2} ${c.name} bad ${c.type.kind} "${v}"`);
          if (refs.has(c.name) && !refs.get(c.name)!.has(v)) problems.push(`${file}:${n + 2} ${c.name} dangling "${v}"`);
        });
        if (spec.key.length > 0) {
          const key = spec.key.map((k) => row[header!.indexOf(k)]).join('|');
          if (keys.has(key)) problems.push(`${file}:${n + 2} duplicate key ${key}`);
          keys.add(key);
        }
      });
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('timestamps carry the school zone offset and ids carry the school id', () => {
    const manifest = new Map(files.get('manifest')!.slice(1).map(([k, v]) => [k, v]));
    expect(manifest.get('timezone')).toBe('Europe/Moscow');
    const marks = files.get('marks')!.slice(1);
    expect(marks.every((r) => (r[6] as string).endsWith('+03:00') && (r[0] as string).startsWith('S01-'))).toBe(true);
  });

  it('has realistic volumes', () => {
    const n = (f: BundleFileName) => files.get(f)!.length - 1;
    const staff = files.get('staff')!.slice(1);
    expect(n('students')).toBeGreaterThanOrEqual(1000);
    expect(n('students')).toBeLessThan(1050);
    expect(n('classes')).toBe(40);
    const teachers = staff.filter((r) => r[2] === 'teacher').length;
    expect(teachers).toBeGreaterThanOrEqual(55);
    expect(teachers).toBeLessThanOrEqual(80);
    expect(n('lessons')).toBeGreaterThan(35_000);
    expect(n('lessons')).toBeLessThan(50_000);
    // marks ~0.25 per student-lesson and absences ~8%: student-lessons ≈ students × ~28 lessons × 34 weeks
    const studentLessons = n('students') * 28 * 34;
    expect(n('marks') / studentLessons).toBeGreaterThan(0.18);
    expect(n('marks') / studentLessons).toBeLessThan(0.3);
    expect(n('attendance') / studentLessons).toBeGreaterThan(0.06);
    expect(n('attendance') / studentLessons).toBeLessThan(0.11);
    expect(n('final_marks')).toBeGreaterThan(40_000);
    const groups = files.get('groups')!.slice(1);
    expect(groups.filter((g) => g[4] === 'subgroup').length).toBeGreaterThan(100);
    expect(groups.filter((g) => g[4] === 'stream' && g[2] === '')).toHaveLength(1);
    const enrollments = files.get('enrollments')!.slice(1);
    expect(enrollments.filter((e) => e[5] === 'moved_class').length).toBeGreaterThan(3);
    expect(enrollments.filter((e) => e[5] === 'transferred' || e[5] === 'left').length).toBeGreaterThan(5);
    // a flu wave in February: absences per lesson well above October's
    const month = new Map(files.get('lessons')!.slice(1).map((l) => [l[0], (l[2] as string).slice(0, 7)]));
    const perMonth = (m: string, rows: string[][], col: number) => rows.filter((r) => month.get(r[col] as string) === m).length;
    const rate = (m: string) => perMonth(m, files.get('attendance')!.slice(1), 0) / [...month.values()].filter((x) => x === m).length;
    expect(rate('2026-02') / rate('2025-10')).toBeGreaterThan(1.5);
    const finals = files.get('final_marks')!.slice(1).map((r) => r[3]);
    for (const v of ['осв', 'н/а', 'безотм', '2', '3', '4', '5']) expect(finals, v).toContain(v);
  });

  it('keeps a school timetable: bells, no lessons on holidays, grade 1 off in the February week, few teacher clashes', () => {
    const lessons = files.get('lessons')!.slice(1);
    const bells = new Set(['08:30-09:15', '09:25-10:10', '10:30-11:15', '11:35-12:20', '12:30-13:15', '13:25-14:10', '14:20-15:05', '15:15-16:00']);
    expect(lessons.every((l) => bells.has(`${l[4]}-${l[5]}`))).toBe(true);
    const dates = new Set(lessons.map((l) => l[2]));
    for (const holiday of ['2025-10-27', '2025-11-04', '2026-01-05', '2026-02-23', '2026-03-09', '2026-03-24', '2026-05-01', '2026-05-11'])
      expect(dates.has(holiday), holiday).toBe(false);
    const februaryWeek = lessons.filter((l) => (l[2] as string) >= '2026-02-16' && (l[2] as string) <= '2026-02-20');
    expect(februaryWeek.length).toBeGreaterThan(1000);
    expect(februaryWeek.filter((l) => (l[1] as string).includes('-G01'))).toHaveLength(0);
    const held = lessons.filter((l) => l[9] === 'held');
    const slots = new Map<string, number>();
    for (const l of held) { const k = `${l[6]}|${l[2]}|${l[3]}`; slots.set(k, (slots.get(k) ?? 0) + 1); }
    const clashes = [...slots.values()].filter((n) => n > 1).length;
    expect(clashes / held.length).toBeLessThan(0.01);
    expect(lessons.filter((l) => l[9] === 'cancelled').length).toBeGreaterThan(10);
    expect(lessons.filter((l) => l[9] === 'moved' && l[10] !== '').length).toBeGreaterThan(10);
  });
});
