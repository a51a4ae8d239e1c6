// `svodka import` and `svodka export` as a user runs them: the report printed, the exit code.
// Two processes only: each CLI start loads every command.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../common/errors';
import { importAny } from '../../ingest/import-any';
import { openWarehouse } from '../../warehouse/open-warehouse';
import { baseBundle, copyBundle, setLine, tempDir } from '../fixtures/bundles/bundle-fixture';

const root = join(import.meta.dirname, '../..');
const svodka = (db: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'svodka.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SVODKA_DB: db } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('svodka import / export', () => {
  it('prints the report and exits 1 on a rejected row; exports what was imported', { timeout: 600_000 }, async () => {
    const db = join(tempDir('cli-'), 'w.duckdb');
    const broken = copyBundle();
    setLine(broken, 'marks.csv', 7, 'EM6,EL5,e4,4,written,2,2025-10-25T10:00:00,E-T2,false,');

    const rejected = svodka(db, 'import', broken);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain('отклонено: в хранилище ничего не изменилось');
    expect(rejected.out).toMatch(/marks\.csv\s+7\s+6\s+1\n/);
    expect(rejected.out).toContain('[timestamp_without_offset] marks.csv, строка 7, поле entered_at: время без смещения часового пояса «2025-10-25T10:00:00» — укажите, например, +05:00');

    const w = await openWarehouse(db);
    try {
      expect((await importAny(w, baseBundle, 'bundle')).status).toBe('applied');
      await expect(importAny(w, baseBundle, 'dbf')).rejects.toBeInstanceOf(ValidationError);
    } finally {
      w.close();
    }
    const out = tempDir('cli-export-');
    const exported = svodka(db, 'export', out);
    expect(exported.code).toBe(0);
    expect(existsSync(join(out, 'E1', 'manifest.csv'))).toBe(true);
    expect(readFileSync(join(out, 'E1', 'marks.csv'), 'utf8')).toContain('\nEM1,EL3,e1,5,oral,1,2025-09-10T23:30:00+05:00,E-T1,false,\n');
  });
});
