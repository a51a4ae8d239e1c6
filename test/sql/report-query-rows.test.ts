import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../reports/query-rows';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';

let dir: string;
let w: Warehouse;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-query-rows-'));
  w = await openWarehouse(join(dir, 'w.duckdb'));
});
afterAll(() => {
  w?.close();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (id: string, sha256: string) => ({
  entry_id: id, school_id: 'S1', academic_year: '2025/2026', form_id: 'F-SUMMARY', class_id: '7Б', period_id: null, student_id: null,
  kind: 'form', sha256, content_sha256: null, size_bytes: 10, signer: 'Тест', signed: true, archived_at: '2026-06-20T06:00:00Z',
  retention_years: 25, retain_until: '2051-05-29', file_path: '/x.pdf',
});

describe('report queries on pooled, prepared statements', () => {
  it('see every write made since they were prepared, with new parameter values each time', async () => {
    expect(await queryRows(w, 'archive-by-hash', { sha256: 'a'.repeat(64) })).toEqual([]);
    await queryRows(w, 'archive-insert', entry('e1', 'a'.repeat(64)));
    expect((await queryRows<{ entry_id: string }>(w, 'archive-by-hash', { sha256: 'a'.repeat(64) })).map((r) => r.entry_id)).toEqual(['e1']);
    await queryRows(w, 'archive-insert', entry('e2', 'b'.repeat(64)));
    expect((await queryRows<{ entry_id: string }>(w, 'archive-by-hash', { sha256: 'b'.repeat(64) })).map((r) => r.entry_id)).toEqual(['e2']);
    // a write through another connection is seen as well
    await w.withConnection((c) => c.run("update raw.archive_entries set deleted_at = '2052-01-01'::timestamptz where entry_id = 'e1'"));
    expect((await queryRows<{ deleted_at: string | null }>(w, 'archive-by-hash', { sha256: 'a'.repeat(64) }))[0]!.deleted_at).toBe('2052-01-01T00:00:00Z');
  });

  it('run concurrently, each on a connection of its own', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'a', 'b'].map((x) => queryRows<{ entry_id: string }>(w, 'archive-by-hash', { sha256: x.repeat(64) })));
    expect(results.map((r) => r.map((e) => e.entry_id))).toEqual([['e1'], ['e2'], [], ['e1'], ['e2']]);
  });
});
