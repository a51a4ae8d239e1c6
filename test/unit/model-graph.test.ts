import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModels } from '../../warehouse/model-graph';

function modelsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'models-'));
  for (const [path, sql] of Object.entries(files)) {
    mkdirSync(join(dir, path.split('/')[0]!), { recursive: true });
    writeFileSync(join(dir, path), sql);
  }
  return dir;
}

describe('loadModels', () => {
  it('orders models so that every dependency comes first, across layers', () => {
    const dir = modelsDir({
      'marts/m_b.sql': 'select * from core.c join marts.m_a using (school_id)',
      'marts/m_a.sql': 'select * from core.c',
      'core/c.sql': 'select * from staging.s -- mentions marts.m_b only in a comment',
      'staging/s.sql': 'select * from raw.x;',
    });
    const order = loadModels(dir).map((m) => m.relation);
    expect(order).toEqual(['staging.s', 'core.c', 'marts.m_a', 'marts.m_b']);
    expect(loadModels(dir).find((m) => m.relation === 'staging.s')?.sql).toBe('select * from raw.x');
  });

  it('names a cycle', () => {
    const dir = modelsDir({ 'core/a.sql': 'select * from core.b', 'core/b.sql': 'select * from core.a' });
    expect(() => loadModels(dir)).toThrow('model cycle: core.a -> core.b -> core.a');
  });

  it('names a reference to a model that has no file', () => {
    const dir = modelsDir({ 'core/a.sql': 'select * from staging.missing' });
    expect(() => loadModels(dir)).toThrow('model core.a refers to staging.missing, which has no .sql file');
  });
});
