// importBundle end to end on real DuckDB files: clean import, re-import no-op, zip, BOM, partial
// import with its cascade, replacement of one school's rows, dry run.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../common/errors';
import { importBundle } from '../../ingest/bundle/import-bundle';
import { baseBundle, copyBundle, editFile, exampleBundle, freshWarehouse, rawState, rows, setLine, tempDir } from '../fixtures/bundles/bundle-fixture';

const counts = (r: Awaited<ReturnType<typeof importBundle>>, file: string) => {
  const f = r.files.find((x) => x.file === file)!;
  return [f.read, f.accepted, f.rejected];
};

describe('importBundle', () => {
  it('imports the public example clean, timestamps as instants', async () => {
    const w = await freshWarehouse();
    try {
      const r = await importBundle(w, exampleBundle);
      expect(r.status).toBe('applied');
      expect(r.issues).toEqual([]);
      expect(r.written).toMatchObject({ schools: 1, marks: 6, lessons: 5, final_marks: 7, students: 4, ktp: 5 });
      expect(counts(r, 'marks.csv')).toEqual([6, 6, 0]);
      expect(r.files.find((f) => f.file === 'guardians.csv')?.present).toBe(false);
      expect(await rows(w, `select school_id, timezone, mark_scale, strftime(exported_at at time zone 'UTC', '%Y-%m-%d %H:%M') as exported_utc from raw.schools`))
        .toEqual([{ school_id: 'E1', timezone: 'Asia/Yekaterinburg', mark_scale: 'five_point', exported_utc: '2025-11-05 07:00' }]);
      // 18:30Z is 23:30 in Yekaterinburg; +05:00 and Z land on the same instant scale
      expect(await rows(w, `select mark_id, strftime(entered_at at time zone 'Asia/Yekaterinburg', '%Y-%m-%d %H:%M') as local from raw.marks where mark_id in ('EM1', 'EM3') order by 1`))
        .toEqual([{ mark_id: 'EM1', local: '2025-09-10 23:30' }, { mark_id: 'EM3', local: '2025-10-20 20:00' }]);
    } finally {
      w.close();
    }
  });

  it('re-importing the same content changes nothing and says so; a zip of it is the same content', async () => {
    const w = await freshWarehouse();
    try {
      const first = await importBundle(w, baseBundle);
      expect(first.status).toBe('applied');
      const state = await rawState(w);
      const again = await importBundle(w, baseBundle);
      expect(again.status).toBe('unchanged');
      expect(again.contentHash).toBe(first.contentHash);
      expect(await rawState(w)).toEqual(state);

      const zip = join(tempDir(), 'e1.zip');
      const entries: Record<string, Uint8Array> = {};
      for (const f of readdirSync(baseBundle)) entries[`e1-bundle/${f}`] = readFileSync(join(baseBundle, f));
      writeFileSync(zip, zipSync(entries));
      const zipped = await importBundle(w, zip);
      expect(zipped.status).toBe('unchanged');
      expect(zipped.contentHash).toBe(first.contentHash);
      expect(await rows(w, 'select status from raw.import_batch order by started_at')).toEqual([{ status: 'applied' }, { status: 'unchanged' }, { status: 'unchanged' }]);
      expect(await rows(w, 'select action from raw.audit_log order by seq')).toEqual([{ action: 'import.applied' }, { action: 'import.unchanged' }, { action: 'import.unchanged' }]);
    } finally {
      w.close();
    }
  });

  it('imports a zip into an empty warehouse', async () => {
    const w = await freshWarehouse();
    try {
      const zip = join(tempDir(), 'e1.zip');
      const entries: Record<string, Uint8Array> = {};
      for (const f of readdirSync(baseBundle)) entries[f] = readFileSync(join(baseBundle, f));
      writeFileSync(zip, zipSync(entries));
      const r = await importBundle(w, zip);
      expect(r.status).toBe('applied');
      expect(r.written.recommendations).toBe(1);
      expect(await rows(w, 'select text from raw.recommendations')).toEqual([{ text: 'Повторить §2, "Измерения";\nрешить задачи 1–3' }]);
    } finally {
      w.close();
    }
  });

  it('tolerates a BOM and, when told to, drops unknown columns', async () => {
    const w = await freshWarehouse();
    try {
      const dir = copyBundle();
      editFile(dir, 'marks.csv', (t) => `\uFEFF${t}`);
      editFile(dir, 'staff.csv', (t) => t.replace(/\n/g, ',x\n').replace('email,x', 'email,note'));
      const r = await importBundle(w, dir, { ignoreUnknownColumns: true });
      expect(r.status).toBe('applied');
      expect(r.files.find((f) => f.file === 'staff.csv')?.ignoredColumns).toEqual(['note']);
      expect(await rows(w, "select count(*)::integer as n, min(mark_id) as first from raw.marks")).toEqual([{ n: 7, first: 'EM1' }]);
    } finally {
      w.close();
    }
  });

  it('partial: loads the valid rows, rejects the bad ones and the rows that reference them', async () => {
    const w = await freshWarehouse();
    try {
      const dir = copyBundle();
      setLine(dir, 'marks.csv', 3, 'EM2,EL3,e2,6,oral,1,2025-09-10T19:05:00Z,E-T1,false,');
      editFile(dir, 'lessons.csv', (t) => t.replace('EL4,G-PHY,2025-10-17,3,10:00,10:45,E-T1,,,held', 'EL4,G-PHY,2025-10-17,3,10:00,10:45,E-T1,,,done'));
      const r = await importBundle(w, dir, { partial: true });
      expect(r.status).toBe('applied');
      expect(r.issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
        ['lessons.csv', 5, 'status', 'bad_enum'],
        ['marks.csv', 3, 'value', 'bad_mark'],
        ['marks.csv', 4, 'lesson_id', 'rejected_reference'],
        ['marks.csv', 5, 'lesson_id', 'rejected_reference'],
        ['control_works.csv', 2, 'lesson_id', 'rejected_reference'],
      ]);
      expect(r.issues[2]?.message).toBe('marks.csv, строка 4, поле lesson_id: ссылка «EL4» указывает на отклонённую строку (lessons.csv, строка 5)');
      expect(counts(r, 'marks.csv')).toEqual([7, 4, 3]);
      expect(counts(r, 'lessons.csv')).toEqual([6, 5, 1]);
      expect(r.rejectedRows).toBe(5);
      expect(await rows(w, 'select mark_id from raw.marks order by 1')).toEqual(['EM1', 'EM5', 'EM6', 'EM7'].map((mark_id) => ({ mark_id })));
      expect(await rows(w, 'select rejected, status from raw.import_batch')).toEqual([{ rejected: 5, status: 'applied' }]);
    } finally {
      w.close();
    }
  });

  it("replaces one school's rows and leaves another school's alone", async () => {
    const w = await freshWarehouse();
    try {
      const other = copyBundle();
      editFile(other, 'manifest.csv', (t) => t.replace('school_id,E1', 'school_id,E2'));
      expect((await importBundle(w, other)).status).toBe('applied');
      expect((await importBundle(w, baseBundle)).status).toBe('applied');
      const smaller = copyBundle();
      editFile(smaller, 'marks.csv', (t) => t.split('\n').slice(0, 3).join('\n') + '\n');
      rmOptional(smaller);
      const r = await importBundle(w, smaller);
      expect(r.status).toBe('applied');
      expect(await rows(w, 'select school_id, count(*)::integer as n from raw.marks group by 1 order by 1')).toEqual([{ school_id: 'E1', n: 2 }, { school_id: 'E2', n: 7 }]);
      expect(await rows(w, 'select school_id from raw.guardians group by 1')).toEqual([{ school_id: 'E2' }]);
    } finally {
      w.close();
    }
  });

  it('a dry run validates and writes only the batch row', async () => {
    const w = await freshWarehouse();
    try {
      const before = await rawState(w);
      const r = await importBundle(w, baseBundle, { dryRun: true });
      expect(r.status).toBe('dry_run');
      expect(await rawState(w)).toEqual(before);
      expect(await rows(w, 'select status from raw.import_batch')).toEqual([{ status: 'dry_run' }]);
    } finally {
      w.close();
    }
  });

  it('refuses a path that is not a bundle', async () => {
    const w = await freshWarehouse();
    try {
      await expect(importBundle(w, join(tempDir(), 'nowhere'))).rejects.toBeInstanceOf(ValidationError);
    } finally {
      w.close();
    }
  });
});

function rmOptional(dir: string): void {
  for (const f of ['guardians.csv', 'parent_acks.csv']) writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').split('\n')[0] + '\n');
}
