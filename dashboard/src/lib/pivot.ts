// Long rows -> a matrix for display (rows × columns with a value per cell). Pure.
export interface Pivot { rows: { id: string; name: string }[]; cols: { id: string; name: string }[]; cell: Map<string, number | null> }

export function pivot<R>(data: readonly R[], row: (r: R) => [string, string], col: (r: R) => [string, string] | null, value: (r: R) => number | null): Pivot {
  const rows = new Map<string, string>();
  const cols = new Map<string, string>();
  const cell = new Map<string, number | null>();
  for (const r of data) {
    const [rid, rname] = row(r);
    rows.set(rid, rname);
    const c = col(r);
    if (!c) continue;
    cols.set(c[0], c[1]);
    cell.set(`${rid}|${c[0]}`, value(r));
  }
  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'ru') || a[0].localeCompare(b[0]);
  return {
    rows: [...rows.entries()].sort(byName).map(([id, name]) => ({ id, name })),
    cols: [...cols.entries()].sort(byName).map(([id, name]) => ({ id, name })),
    cell,
  };
}
