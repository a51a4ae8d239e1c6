// exceljs' streaming reader split two-byte letters between zip chunks («н» -> «��») on big sheets; the
// sheet and shared-strings parts now reach its parser through a streaming UTF-8 decoder
// (ingest/xlsx/exceljs-utf8.ts). Thousands of Cyrillic cells put many chunk boundaries inside letters.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../../ingest/xlsx/exceljs-utf8';
import { xlsxSheets } from '../../ingest/xlsx/read-sheets';

const dir = mkdtempSync(join(tmpdir(), 'h7-utf8-'));
const cell = (r: number, c: number) => `ж${'н'.repeat(1 + ((r + c) % 7))}${r}`;
const rows = 3000;
const cols = 12;

async function readAll(path: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sheet of xlsxSheets(path)) for await (const row of sheet.rows) out.push(row.cells);
  return out;
}
const expected = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));

describe('exceljs streaming reader and two-byte letters', () => {
  it.each([
    ['inline strings (streaming writer)', 'inline.xlsx', false],
    ['shared strings (Excel\'s way)', 'shared.xlsx', true],
  ])('%s: every cell read back whole', async (_name, file, useSharedStrings) => {
    const path = join(dir, file);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
    const ws = wb.addWorksheet('Журнал');
    for (const r of expected) ws.addRow(r).commit();
    await wb.commit();
    expect(await readAll(path)).toEqual(expected);
  });

  it('utf8Chunks joins a letter split between chunks', async () => {
    const bytes = Buffer.from('нн');
    async function* split() { yield bytes.subarray(0, 1); yield bytes.subarray(1, 3); yield bytes.subarray(3); }
    const out: string[] = [];
    for await (const s of utf8Chunks(split())) out.push(s);
    expect(out.join('')).toBe('нн');
  });
});
