import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../reports/backup/backup-manifest';
import { makeBackup } from '../../reports/backup/make-backup';
import { checkBackup, restoreBackup } from '../../reports/backup/restore-backup';
import { tableChecksums } from '../../reports/backup/table-checksums';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { loadBundleRows, exampleBundle } from '../fixtures/forms/load-bundle-rows';

const root = join(import.meta.dirname, '..', '..');
const checksums = (w: Warehouse) => w.withConnection(async (c) =>
  tableChecksums(c, String((await c.runAndReadAll('select current_database() as db')).getRowObjectsJson()[0]!.db)));
const count = (w: Warehouse, sql: string) => w.withConnection(async (c) => Number((await c.runAndReadAll(sql)).getRowObjectsJson()[0]!.n));

async function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'backup-'));
  const db = join(dir, 'svodka.duckdb');
  const w = await openWarehouse(db);
  await loadBundleRows(w, exampleBundle);
  return { dir, db, w, backups: join(dir, 'backups') };
}

describe('backup and restore', () => {
  it('backup -> change -> restore gives identical table checksums; rotation keeps N', async () => {
    const { db, w, backups } = await fixture();
    const before = await checksums(w);
    const first = await makeBackup(w, { dir: backups, keep: 2, trigger: 'cli', now: new Date('2026-01-01T10:00:00Z') });
    expect(first.manifest.tables['raw.marks']).toEqual({ rows: 6, checksum: before['raw.marks']!.checksum });
    // change data after the backup
    await w.withConnection(async (c) => { await c.run("delete from raw.marks where mark_id = 'EM1'"); await c.run("update raw.students set full_name = 'Иванов Иван' where student_id = 'e1'"); });
    expect(await count(w, 'select count(*)::integer as n from raw.marks')).toBe(5);
    await makeBackup(w, { dir: backups, keep: 2, trigger: 'cli', now: new Date('2026-01-02T10:00:00Z') });
    const third = await makeBackup(w, { dir: backups, keep: 2, trigger: 'schedule', now: new Date('2026-01-03T10:00:00Z') });
    expect(third.removed).toEqual([first.path]);
    expect(listBackups(backups).map((b) => b.name)).toEqual(['svodka-backup-20260102T100000Z', 'svodka-backup-20260103T100000Z']);
    // restore the second (after the change) is fine; restore an earlier state from a kept copy
    const keep = listBackups(backups)[0]!;
    w.close();
    await restoreBackup(keep.path, db);
    const w2 = await openWarehouse(db);
    try {
      const after = await checksums(w2);
      for (const [table, c] of Object.entries(keep.manifest.tables)) expect(after[table]).toEqual(c);
      expect(after['raw.marks']!.rows).toBe(5);
      expect(await count(w2, "select count(*)::integer as n from raw.students where full_name = 'Иванов Иван'")).toBe(1);
    } finally {
      w2.close();
    }
  });

  it('restores the exact state of the backup after later changes', async () => {
    const { db, w, backups } = await fixture();
    const before = await checksums(w);
    const b = await makeBackup(w, { dir: backups, keep: 5, trigger: 'cli' });
    await w.withConnection(async (c) => c.run("insert into raw.subjects values ('E1', 'CHEM', 'Химия', 'federal')").then(() => undefined));
    w.close();
    await restoreBackup(b.path, db);
    const w2 = await openWarehouse(db);
    try {
      expect(await checksums(w2)).toEqual(before);
    } finally {
      w2.close();
    }
  });

  it('refuses a corrupted backup and leaves the warehouse untouched', async () => {
    const { db, w, backups } = await fixture();
    const b = await makeBackup(w, { dir: backups, keep: 5, trigger: 'cli' });
    w.close();
    const original = readFileSync(db);
    const file = join(b.path, 'svodka.duckdb');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    writeFileSync(file, bytes);
    await expect(checkBackup(b.path)).rejects.toThrow(/повреждена: контрольная сумма SHA-256 файла не совпадает/);
    await expect(restoreBackup(b.path, db)).rejects.toThrow(/Восстановление отменено, данные не изменены/);
    expect(readFileSync(db).equals(original)).toBe(true);
    // a manifest that lies about a table is refused too
    const other = await fixture();
    const b2 = await makeBackup(other.w, { dir: other.backups, keep: 5, trigger: 'cli' });
    other.w.close();
    const manifest = JSON.parse(readFileSync(join(b2.path, 'manifest.json'), 'utf8'));
    manifest.tables['raw.marks'].rows = 7;
    writeFileSync(join(b2.path, 'manifest.json'), JSON.stringify(manifest));
    await expect(checkBackup(b2.path)).rejects.toThrow('таблица raw.marks не совпадает с описью');
  });

  it('a backup killed midway (kill -9) leaves the previous backup usable and is cleaned up later', async () => {
    const { db, w, backups } = await fixture();
    // enough rows that copying takes a while
    await w.withConnection(async (c) => c.run(`insert into raw.changes select 'E1', timestamptz '2025-09-01 00:00:00+00' + to_seconds(i),
      'E-T1', 'update', 'mark', 'M' || i, 'value', '4', repeat('5', 40) from range(400000) t(i)`).then(() => undefined));
    const good = await makeBackup(w, { dir: backups, keep: 5, trigger: 'cli' });
    w.close();
    // one process (node --import tsx), so that SIGKILL hits the process doing the backup
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'cli', 'main.ts'), 'backup', '--out', backups],
      { cwd: root, env: { ...process.env, SVODKA_DB: db }, stdio: 'ignore' });
    const started = Date.now();
    while (!readdirSync(backups).some((n) => n.startsWith('.tmp-')) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 2));
    expect(readdirSync(backups).some((n) => n.startsWith('.tmp-'))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(listBackups(backups).map((b) => b.path)).toEqual([good.path]);
    expect((await checkBackup(good.path)).sha256).toBe(good.manifest.sha256);
    // the next backup removes the dead process's temp folder
    const w2 = await openWarehouse(db);
    try {
      await makeBackup(w2, { dir: backups, keep: 5, trigger: 'cli' });
    } finally {
      w2.close();
    }
    expect(readdirSync(backups).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect(existsSync(good.path)).toBe(true);
  }, 300_000);
});
