import { formatDateRu } from '../../html/format-ru';
import type { PeriodRow } from '../school-context';

export interface SummaryInput {
  periods: PeriodRow[];
  students: { student_id: string; full_name: string; from_date: string; to_date: string | null }[];
  subjects: { subject_id: string; name: string }[];
  finals: { student_id: string; subject_id: string; period_id: string; value: string | null; deferred_until: string | null }[];
}

export interface SummarySection {
  periodId: string;
  periodName: string;
  subjects: string[];
  rows: { no: number; name: string; note: string; cells: string[] }[];
  /** rows «количество «5»» …: one count per subject, only for values that occur */
  counts: { value: string; perSubject: number[] }[];
}

const valueOrder = ['5', '4', '3', '2', '1', '10', '9', '8', '7', '6', 'зач', 'незач', 'н/а', 'осв', 'безотм'];

/** Class × students × subjects, one section per period that has finals (the year last). */
export function summaryView(input: SummaryInput): SummarySection[] {
  const byKey = new Map(input.finals.map((f) => [`${f.student_id}|${f.subject_id}|${f.period_id}`, f]));
  const withFinals = input.periods.filter((p) => input.finals.some((f) => f.period_id === p.period_id));
  const shown = withFinals.length ? withFinals : input.periods.slice(0, 1);
  return shown.map((p) => {
    const rows = input.students.map((s, i) => ({
      no: i + 1,
      name: s.full_name,
      note: s.to_date && s.to_date < p.ends_on ? `выбыл(а) ${formatDateRu(s.to_date)}` : s.from_date > p.starts_on ? `прибыл(а) ${formatDateRu(s.from_date)}` : '',
      cells: input.subjects.map((sub) => cellText(byKey.get(`${s.student_id}|${sub.subject_id}|${p.period_id}`))),
    }));
    const present = new Set(rows.flatMap((r) => r.cells).filter((c) => c && c !== 'отср.'));
    const values = [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const counts = values.map((value) => ({
      value,
      perSubject: input.subjects.map((_, j) => rows.filter((r) => r.cells[j] === value).length),
    }));
    return { periodId: p.period_id, periodName: p.name, subjects: input.subjects.map((s) => s.name), rows, counts };
  });
}

function cellText(f: SummaryInput['finals'][number] | undefined): string {
  if (!f) return '';
  if (f.value) return f.value;
  return f.deferred_until ? 'отср.' : '';
}

const rank = (v: string): number => {
  const i = valueOrder.indexOf(v);
  return i < 0 ? valueOrder.length : i;
};
