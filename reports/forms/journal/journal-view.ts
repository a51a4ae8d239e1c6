import { formatDateRu } from '../../html/format-ru';

export interface JournalInput {
  groups: { group_id: string; group_name: string; kind: string; subject_name: string; teacher_name: string | null }[];
  students: { student_id: string; full_name: string }[];
  lessons: {
    lesson_id: string; group_id: string; date: string; status: string; topic: string | null; homework_text: string | null;
    control_work_title: string | null; conducted_by_name: string | null; substituted: boolean; attendance_taken: boolean;
  }[];
  entries: { kind: 'mark' | 'absence'; lesson_id: string; group_id: string; student_id: string; value: string }[];
}

export interface JournalSection {
  subject: string;
  groupName: string;
  teacher: string | null;
  lessons: { no: number; date: string; topic: string; homework: string; note: string; absent: number }[];
  /** the marks grid split in chunks of at most `perChunk` lessons so that it fits the page */
  grids: { dates: string[]; rows: { no: number; name: string; cells: string[] }[] }[];
}

/** Attendance codes of a paper journal: н — absent, б — sick, у — excused, оп — late. */
export const absenceCode: Record<string, string> = { absent: 'н', sick: 'б', excused: 'у', late: 'оп' };

/** The printed class journal: per group, the lesson pages (dates, topics, homework) and the marks grid. */
export function journalView(input: JournalInput, perChunk = 18): JournalSection[] {
  return input.groups.map((g) => {
    const lessons = input.lessons.filter((l) => l.group_id === g.group_id && l.status !== 'cancelled' && l.status !== 'moved');
    const entries = input.entries.filter((e) => e.group_id === g.group_id);
    const cell = new Map<string, string[]>();
    for (const e of entries) {
      const key = `${e.lesson_id}|${e.student_id}`;
      const text = e.kind === 'absence' ? (absenceCode[e.value] ?? e.value) : e.value;
      cell.set(key, [...(cell.get(key) ?? []), text]);
    }
    const absentAt = new Map<string, number>();
    for (const e of entries) if (e.kind === 'absence' && e.value !== 'late') absentAt.set(e.lesson_id, (absentAt.get(e.lesson_id) ?? 0) + 1);
    const inGroup = new Set(entries.map((e) => e.student_id));
    const students = g.kind === 'class' ? input.students : input.students.filter((s) => inGroup.has(s.student_id));
    const grids = [];
    for (let i = 0; i < Math.max(lessons.length, 1); i += perChunk) {
      const chunk = lessons.slice(i, i + perChunk);
      grids.push({
        dates: chunk.map((l) => formatDateRu(l.date).slice(0, 5)),
        rows: students.map((s, j) => ({ no: j + 1, name: s.full_name, cells: chunk.map((l) => (cell.get(`${l.lesson_id}|${s.student_id}`) ?? []).join(' ')) })),
      });
    }
    return {
      subject: g.subject_name,
      groupName: g.group_name,
      teacher: g.teacher_name,
      lessons: lessons.map((l, i) => ({
        no: i + 1,
        date: formatDateRu(l.date),
        topic: l.topic ?? '',
        homework: l.homework_text ?? '',
        note: [l.control_work_title, l.substituted ? `замена: ${l.conducted_by_name ?? ''}` : null, l.attendance_taken ? null : 'посещаемость не отмечена']
          .filter(Boolean).join('; '),
        absent: absentAt.get(l.lesson_id) ?? 0,
      })),
      grids,
    };
  });
}
