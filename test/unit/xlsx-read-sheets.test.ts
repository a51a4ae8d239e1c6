import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeFileSheets, xlsxSheets, type Sheet } from '../../ingest/xlsx/read-sheets';
import { makeWorkbook } from '../fixtures/imports/make-workbook';

const collect = async (sheets: AsyncGenerator<Sheet>) => {
  const out: { name: string; rows: { line: number; cells: string[] }[] }[] = [];
  for await (const s of sheets) {
    const rows = [];
    for await (const r of s.rows) rows.push(r);
    out.push({ name: s.name, rows });
  }
  return out;
};

describe('xlsx sheets', () => {
  it('the whole-file fallback reads the same sheets and rows as the streaming reader, skipping those already given', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-read-')), 'two.xlsx');
    await makeWorkbook(path, [
      { name: '8А История', rows: [['Фамилия', 'Имя', new Date(Date.UTC(2025, 8, 5))], ['Волкова', 'Дарья', 'у'], [], ['Зайцев', 'Егор', '4 н']] },
      { name: 'Итоги', rows: [['ФИО', 'Год'], ['Волкова Дарья', 5]] },
    ]);
    const streamed = await collect(xlsxSheets(path));
    expect(streamed.map((s) => s.name)).toEqual(['8А История', 'Итоги']);
    expect(streamed[0]!.rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(streamed[0]!.rows[2]!.cells).toEqual(['Зайцев', 'Егор', '4 н']);
    expect(await collect(wholeFileSheets(path, 0))).toEqual(streamed);
    expect(await collect(wholeFileSheets(path, 1))).toEqual(streamed.slice(1));
  });
});
