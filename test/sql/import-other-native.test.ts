// The big-file paths end to end: a OneRoster results.csv read by DuckDB and an XLSX journal whose marks
// go to disk, each imported through the real bundle importer into a real DuckDB file (nativeFrom: 0 and
// spillFrom: 1 send the small fixtures down those paths). Counts and values were read off the fixtures.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOneRoster } from '../../ingest/oneroster/import-oneroster';
import { importXlsx } from '../../ingest/xlsx/import-xlsx';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { makeWorkbook, setevoyJournal } from '../fixtures/imports/make-workbook';

const gradebook = 'test/fixtures/imports/oneroster-gradebook';
let w: Warehouse;
const rows = (sql: string) => w.withConnection(async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
const tmpFiles = () => readdirSync(tmpdir()).filter((f) => f.startsWith('svodka-oneroster-') || f.startsWith('svodka-xlsx-spill-')).length;

beforeAll(async () => { w = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'h7-native-w-')), 'w.duckdb')); });
afterAll(() => w.close());

describe('big-file paths through the bundle importer', () => {
  it('OneRoster results read by DuckDB: imported, unchanged the second time, temp files removed', async () => {
    const before = tmpFiles();
    const r = await importOneRoster(w, gradebook, { timezone: 'Asia/Yekaterinburg', nativeFrom: 0 });
    expect(r.status).toBe('applied');
    expect(r.written).toMatchObject({ lessons: 2, marks: 3 });
    expect(await rows("select mark_id, value, entered_by, comment from raw.marks where school_id = 'sch-1' order by 1")).toEqual([
      { mark_id: 'res1', value: '5', entered_by: 't1', comment: null }, { mark_id: 'res2', value: '4', entered_by: 't1', comment: 'с опозданием, но верно' },
      { mark_id: 'res3', value: '3', entered_by: 't1', comment: null }]);
    expect((await importOneRoster(w, gradebook, { timezone: 'Asia/Yekaterinburg', nativeFrom: 0 })).status).toBe('unchanged');
    expect(tmpFiles()).toBe(before);
  });

  it('OneRoster: a bundle error on a DuckDB-written mark names the results.csv line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h7-native-bad-'));
    for (const f of readdirSync(gradebook)) writeFileSync(join(dir, f), readFileSync(join(gradebook, f)));
    // the same sourcedId twice: the bundle importer rejects the second mark; the report names the source line
    writeFileSync(join(dir, 'results.csv'), 'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score\n'
      + 'x1,active,2025-09-08T12:30:00+05:00,li1,s1,fully graded,5\nx1,active,2025-09-08T12:30:00+05:00,li1,s2,fully graded,4\n');
    const r = await importOneRoster(w, dir, { timezone: 'Asia/Yekaterinburg', nativeFrom: 0, schoolId: 'sch-bad' });
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toContain('results.csv:3:sourcedId');
    expect(await rows("select count(*)::int n from raw.marks where school_id = 'sch-bad'")).toEqual([{ n: 0 }]);
  });

  it('XLSX journal spilled to disk: imported with the hand-counted rows', async () => {
    const src = mkdtempSync(join(tmpdir(), 'h7-native-x-'));
    await makeWorkbook(join(src, 'journal.xlsx'), [{ name: 'Математика', rows: setevoyJournal }]);
    const r = await importXlsx(w, src, { schoolId: 'sch-x', academicYear: '2025/2026', timezone: 'Asia/Yekaterinburg', classTeacher: 'Орлова Ольга', spillFrom: 1 });
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(r.written).toMatchObject({ lessons: 3, marks: 6, attendance: 3 });
    expect(existsSync(src)).toBe(true);
  });
});
