import { formatDateRu } from '../../html/format-ru';
import { absenceCode } from '../journal/journal-view';

export interface ExtractInput {
  lessons: { date: string; subject_name: string; topic: string | null; homework_text: string | null; marks: string | null; absence: string | null }[];
  finals: { subject_name: string; period_name: string; value: string }[];
}

export interface ExtractView {
  days: { date: string; lessons: { subject: string; topic: string; homework: string; marks: string; absence: string }[] }[];
  finals: { subject: string; period: string; value: string }[];
  totals: { lessons: number; missed: number; marks: number };
}

/** A guardian's paper extract of the diary: lessons grouped by day, marks and absences, then finals. */
export function extractView(input: ExtractInput): ExtractView {
  const days: ExtractView['days'] = [];
  for (const l of input.lessons) {
    const date = formatDateRu(l.date);
    let day = days[days.length - 1];
    if (!day || day.date !== date) days.push((day = { date, lessons: [] }));
    day.lessons.push({
      subject: l.subject_name,
      topic: l.topic ?? '',
      homework: l.homework_text ?? '',
      marks: l.marks ?? '',
      absence: l.absence ? (absenceCode[l.absence] ?? l.absence) : '',
    });
  }
  return {
    days,
    finals: input.finals.map((f) => ({ subject: f.subject_name, period: f.period_name, value: f.value })),
    totals: {
      lessons: input.lessons.length,
      missed: input.lessons.filter((l) => l.absence && l.absence !== 'late').length,
      marks: input.lessons.reduce((n, l) => n + (l.marks ? l.marks.split(' ').length : 0), 0),
    },
  };
}
