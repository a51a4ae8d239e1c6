import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../reports/archive/archive-entry';
import { archiveYear } from '../../reports/archive/archive-year';
import { deleteArchiveEntry } from '../../reports/archive/delete-archive-entry';
import { archiveCheck, verifyArchive } from '../../reports/archive/verify-archive';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { formsContext } from '../fixtures/forms/forms-context';
import { exampleWarehouse } from '../fixtures/forms/load-bundle-rows';

let w: Warehouse;
let entries: ArchiveEntry[];
const archivedAt = new Date('2026-06-25T09:00:00Z');

beforeAll(async () => {
  const ex = await exampleWarehouse();
  w = ex.w;
  entries = await archiveYear(formsContext(w, ex.dir), { school: 'E1', now: archivedAt });
});
afterAll(async () => {
  await closeSharedBrowser();
  w?.close();
});

describe('archive of a finished year', () => {
  it('holds the signed F-JOURNAL (5 years) and F-SUMMARY (25 years) of the class and a bundle snapshot', () => {
    expect(entries.map((e) => [e.form_id, e.class_id, e.kind, e.signed, e.retention_years, e.retain_until])).toEqual([
      ['F-JOURNAL', 'E-7B', 'form', true, 5, '2031-05-29'],
      ['F-SUMMARY', 'E-7B', 'form', true, 25, '2051-05-29'],
      ['BUNDLE', null, 'bundle', false, 5, '2031-05-29'],
    ]);
    for (const e of entries) expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(entries[0]!.file_path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(entries[2]!.file_path).subarray(0, 2).toString()).toBe('PK');
  });

  it('verification re-hashes every file and reports the one that was changed', async () => {
    expect(await verifyArchive(w)).toMatchObject({ ok: true, checked: 3, problems: [] });
    const target = entries[1]!;
    const bytes = readFileSync(target.file_path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(target.file_path, bytes);
    const result = await verifyArchive(w);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.entry.form_id, p.status])).toEqual([['F-SUMMARY', 'changed']]);
    // the same through `svodka verify`'s list of checks
    const check = await archiveCheck.run(w);
    expect(check.ok).toBe(false);
    expect(check.problems[0]!.message).toMatch(/^Файл изменён: F-SUMMARY E1 2025\/2026 класс E-7B/);
  });

  it('refuses to delete before the retention ends and allows it after', async () => {
    const journal = entries[0]!;
    await expect(deleteArchiveEntry(w, journal.entry_id, new Date('2031-05-29T12:00:00Z')))
      .rejects.toThrow('Удаление запрещено: документ F-JOURNAL хранится до 29.05.2031 включительно');
    await expect(deleteArchiveEntry(w, entries[1]!.entry_id, new Date('2040-01-01T00:00:00Z'))).rejects.toThrow('хранится до 29.05.2051');
    await deleteArchiveEntry(w, journal.entry_id, new Date('2031-05-30T00:00:00Z'));
    const after = await verifyArchive(w);
    expect(after.checked).toBe(2);
  });
});
