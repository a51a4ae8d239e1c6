import { defineStore } from 'pinia';
import { get, post } from '../api/http';

export interface DiaryLesson {
  id: string; date: string; lessonNo: number | null; startsAt: string; endsAt: string; status: string; movedToDate: string | null;
  subject: string; teacher: string; substitute: string | null; topic: string | null; homework: string | null; homeworkMinutes: number | null;
  controlWork: string | null; marks: string | null; absence: string | null;
}
export interface Diary {
  student: { id: string; name: string; className: string | null; schoolName: string };
  from: string; to: string;
  lessons: DiaryLesson[];
  controlWorks: { date: string; title: string; text: string }[];
  recommendations: { date: string; title: string; text: string }[];
  teachers: { title: string; text: string }[];
  holidays: { date: string; title: string; text: string }[];
  acknowledged: { coversUntil: string; at: string } | null;
}

/** A student's diary week and the guardian's "I have read". */
export const useDiaryStore = defineStore('diary', {
  state: () => ({ diary: null as Diary | null, acking: false, ackError: null as string | null }),
  actions: {
    async load(school: string, student: string, week: string | null): Promise<Diary> {
      this.diary = await get<Diary>('/api/v1/dashboard/diary', { schoolId: school, studentId: student, week });
      return this.diary;
    },
    async acknowledge(school: string, coversUntil: string): Promise<void> {
      const d = this.diary;
      if (!d) return;
      this.acking = true;
      this.ackError = null;
      try {
        await post(`/api/v1/entry/students/${encodeURIComponent(d.student.id)}/acknowledgements`, { coversUntil });
        await this.load(school, d.student.id, d.from);
      } catch (err) {
        this.ackError = (err as Error).message;
      } finally {
        this.acking = false;
      }
    },
  },
});

/** Lessons grouped by day, days in order. */
export function byDay(lessons: readonly DiaryLesson[]): { date: string; lessons: DiaryLesson[] }[] {
  const days = new Map<string, DiaryLesson[]>();
  for (const l of lessons) days.set(l.date, [...(days.get(l.date) ?? []), l]);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, ls]) => ({ date, lessons: ls }));
}
