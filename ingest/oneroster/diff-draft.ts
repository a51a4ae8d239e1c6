// What a dry run would change: per table, rows added, changed and removed against what the warehouse
// holds for the school (rows matched by the table's key from common/bundle-spec.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSpec, type ColumnType } from '../../common/bundle-spec';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { draftRows, type BundleDraft } from './bundle-draft';

export interface TableChange { added: number; changed: number; removed: number; unchanged: number }

const schoolRows = readFileSync(join(import.meta.dirname, 'sql', 'school-rows.sql'), 'utf8');

/** One cell as comparable text, whichever side it comes from (CSV text or DuckDB JSON). */
export function normalize(v: unknown, t: ColumnType): string {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v);
  switch (t.kind) {
    case 'timestamp': {
      const ms = Date.parse(s.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
      return Number.isNaN(ms) ? s : String(ms);
    }
    case 'time': return s.slice(0, 5);
    case 'int': case 'number': return String(Number(s));
    case 'bool': return s === 'true' || s === 'TRUE' ? 'true' : 'false';
    default: return s;
  }
}

export async function diffDraft(warehouse: Warehouse, draft: BundleDraft): Promise<Record<string, TableChange>> {
  const out: Record<string, TableChange> = {};
  await warehouse.withConnection(async (conn) => {
    for (const spec of bundleSpec) {
      if (spec.file === 'manifest') continue;
      const key = spec.key.length ? spec.key : spec.columns.map((c) => c.name);
      const fp = (r: Record<string, unknown>) => spec.columns.map((c) => normalize(r[c.name], c.type)).join('\u0001');
      const k = (r: Record<string, unknown>) => key.map((c) => normalize(r[c], spec.columns.find((x) => x.name === c)!.type)).join('\u0001');
      const old = new Map<string, string>();
      for (const r of (await conn.runAndReadAll(schoolRows, { table: `raw.${spec.file}`, school_id: draft.schoolId })).getRowObjectsJson()) {
        old.set(k(r), fp(r));
      }
      const change: TableChange = { added: 0, changed: 0, removed: 0, unchanged: 0 };
      const seen = new Set<string>();
      for (const r of draftRows(draft, spec.file)) {
        const id = k(r);
        seen.add(id);
        const before = old.get(id);
        if (before === undefined) change.added++;
        else if (before === fp(r)) change.unchanged++;
        else change.changed++;
      }
      for (const id of old.keys()) if (!seen.has(id)) change.removed++;
      if (change.added || change.changed || change.removed || change.unchanged) out[spec.file] = change;
    }
  });
  return out;
}
