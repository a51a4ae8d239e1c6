import { headerMatches, type XlsxProfile } from './xlsx-profile';
import type { SheetRow } from './read-sheets';

export interface HeaderFound {
  profile: XlsxProfile;
  header: SheetRow;
  /** text of the rows above the header and the sheet name, for the title block (class, subject, …) */
  above: string[];
  score: number;
}

/** Does the profile fit this header row? A score (more matched columns = better), or 0. */
export function scoreHeader(p: XlsxProfile, cells: string[]): number {
  if (!p.detect.every((re) => cells.some((c) => headerMatches(re, c)))) return 0;
  const cols = Object.values(p.columns).filter((re) => cells.some((c) => headerMatches(re, c))).length;
  const special = p.dateHeader ?? p.finalHeader;
  const isDate = (c: string) => p.kind === 'class_journal' && /^\d{4}-\d{2}-\d{2}$/.test(c.trim());
  const specials = special ? cells.filter((c) => headerMatches(special, c) || isDate(c)).length : 0;
  if (special && specials === 0) return 0;
  return p.detect.length * 10 + cols * 2 + Math.min(specials, 1);
}

/** The best profile for the first rows of a sheet; ties are reported by the caller. */
export function findHeader(rows: SheetRow[], sheetName: string, profiles: XlsxProfile[]): HeaderFound[] {
  const found: HeaderFound[] = [];
  for (const p of profiles) {
    const limit = Math.min(rows.length, p.headerSearchRows);
    for (let i = 0; i < limit; i++) {
      const score = scoreHeader(p, rows[i]!.cells);
      if (score > 0) {
        found.push({ profile: p, header: rows[i]!, above: [sheetName, ...rows.slice(0, i).map((r) => r.cells.filter(Boolean).join(' '))], score });
        break;
      }
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

/** First group of the meta regex found in the title block. */
export function metaValue(re: string | undefined, above: string[]): string | null {
  if (!re) return null;
  const r = new RegExp(re, 'iu');
  for (const line of above) {
    const m = r.exec(line);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

/** Column index of each profile field; a field matched by two header cells is ambiguous. */
export function mapColumns(p: XlsxProfile, cells: string[]): { map: Record<string, number>; duplicated: string[] } {
  const map: Record<string, number> = {};
  const duplicated: string[] = [];
  for (const [field, re] of Object.entries(p.columns)) {
    const idx = cells.map((c, i) => (headerMatches(re, c) ? i : -1)).filter((i) => i >= 0);
    if (idx.length > 1) duplicated.push(cells[idx[0]!]!);
    if (idx.length) map[field] = idx[0]!;
  }
  return { map, duplicated };
}
