import { defineStore } from 'pinia';
import { ApiError, get, post } from '../api/http';
import { cellKey, cellsOf, markErrors, type CellKey, type GridCell, type RawCell } from '../lib/journal-grid';
import { useMetricsStore } from './metrics';
import { useSummaryStore } from './summary';

export interface JournalLesson {
  id: string; date: string; lessonNo: number | null; startsAt: string; endsAt: string; status: string;
  topicId: string | null; topicText: string | null; homeworkText: string | null; homeworkMinutes: number | null;
  attendanceTaken: boolean; controlWorkKind: string | null;
}
export interface Journal {
  group: { id: string; name: string; subjectName: string; markScale: string; writable: boolean; teacherName: string };
  from: string; to: string;
  lessons: JournalLesson[];
  students: { id: string; name: string; from: string; to: string }[];
  cells: RawCell[];
}
export type SaveState = 'saved' | 'saving' | 'pending' | 'error';
export interface LessonFields { topicText?: string | null; homeworkText?: string | null; homeworkMinutes?: number | null; status?: string }

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** One group's journal: the grid, edits queued per lesson and saved automatically. */
export const useJournalStore = defineStore('journal', {
  state: () => ({
    journal: null as Journal | null,
    cells: new Map<CellKey, GridCell>(),
    dirtyMarks: new Set<string>(), dirtyAttendance: new Set<string>(), removed: new Map<string, string[]>(),
    saveState: {} as Record<string, SaveState>, errors: {} as Record<string, string>, lessonError: {} as Record<string, string>,
    delayMs: 700,
  }),
  getters: {
    overall: (s): SaveState => {
      const v = Object.values(s.saveState);
      return v.includes('error') ? 'error' : v.includes('saving') ? 'saving' : v.includes('pending') ? 'pending' : 'saved';
    },
  },
  actions: {
    async load(school: string, group: string, from: string, to: string): Promise<void> {
      const j = await get<Journal>('/api/v1/dashboard/journal', { schoolId: school, groupId: group, from, to });
      this.journal = j;
      this.cells = cellsOf(j.cells);
      this.saveState = {};
      this.errors = {};
      this.lessonError = {};
    },
    cell(lessonId: string, studentId: string): GridCell {
      return this.cells.get(cellKey(lessonId, studentId)) ?? { marks: [], absence: null };
    },
    put(lessonId: string, studentId: string, c: GridCell): void {
      this.cells.set(cellKey(lessonId, studentId), c);
      delete this.errors[cellKey(lessonId, studentId)];
    },
    setMark(lessonId: string, studentId: string, value: string, workType = 'oral'): void {
      const c = this.cell(lessonId, studentId);
      const last = c.marks[c.marks.length - 1];
      const marks = last ? [...c.marks.slice(0, -1), { ...last, value }] : [{ id: null, value, workType }];
      this.put(lessonId, studentId, { ...c, marks });
      this.dirtyMarks.add(lessonId);
      this.schedule(lessonId);
    },
    setAbsence(lessonId: string, studentId: string, status: string | null): void {
      const c = this.cell(lessonId, studentId);
      this.put(lessonId, studentId, { ...c, absence: c.absence === status ? null : status });
      this.dirtyAttendance.add(lessonId);
      this.schedule(lessonId);
    },
    clear(lessonId: string, studentId: string): void {
      const c = this.cell(lessonId, studentId);
      const ids = c.marks.map((m) => m.id).filter((id): id is string => Boolean(id));
      if (ids.length) this.removed.set(lessonId, [...(this.removed.get(lessonId) ?? []), ...ids]);
      if (c.marks.length) this.dirtyMarks.add(lessonId);
      if (c.absence) this.dirtyAttendance.add(lessonId);
      this.put(lessonId, studentId, { marks: [], absence: null });
      this.schedule(lessonId);
    },
    schedule(lessonId: string): void {
      this.saveState[lessonId] = 'pending';
      clearTimeout(timers.get(lessonId));
      timers.set(lessonId, setTimeout(() => void this.flush(lessonId), this.delayMs));
    },
    async flushAll(): Promise<void> {
      await Promise.all(Object.entries(this.saveState).filter(([, s]) => s === 'pending').map(([id]) => this.flush(id)));
    },
    /** Sends the lesson's queued attendance and marks. */
    async flush(lessonId: string, fields?: LessonFields): Promise<boolean> {
      clearTimeout(timers.get(lessonId));
      const j = this.journal;
      if (!j) return false;
      this.saveState[lessonId] = 'saving';
      delete this.lessonError[lessonId];
      const students = j.students.map((s) => s.id);
      try {
        if (this.dirtyAttendance.has(lessonId) || fields) {
          const attendance = students.flatMap((s) => { const a = this.cell(lessonId, s).absence; return a ? [{ studentId: s, status: a }] : []; });
          await post(`/api/v1/entry/lessons/${encodeURIComponent(lessonId)}`, { ...(fields ?? {}), status: fields?.status ?? 'held', attendance });
          this.dirtyAttendance.delete(lessonId);
          const l = j.lessons.find((x) => x.id === lessonId);
          if (l) Object.assign(l, fields ?? {}, { attendanceTaken: true, status: fields?.status ?? 'held' });
        }
        if (this.dirtyMarks.has(lessonId)) await this.sendMarks(lessonId, students);
        this.saveState[lessonId] = 'saved';
        useMetricsStore().forget();
        useSummaryStore().forget();
        return true;
      } catch (err) {
        this.saveState[lessonId] = 'error';
        this.lessonError[lessonId] = (err as Error).message;
        return false;
      }
    },
    async sendMarks(lessonId: string, students: string[]): Promise<void> {
      const sent: { studentId: string; value: string; workType: string; markId?: string }[] = [];
      for (const s of students) for (const m of this.cell(lessonId, s).marks) sent.push({ studentId: s, value: m.value, workType: m.workType, ...(m.id ? { markId: m.id } : {}) });
      const removeMarkIds = this.removed.get(lessonId) ?? [];
      if (!sent.length && !removeMarkIds.length) return;
      try {
        const r = await post<{ markIds: string[] }>(`/api/v1/entry/lessons/${encodeURIComponent(lessonId)}/marks`, { marks: sent, removeMarkIds });
        sent.forEach((m, i) => {
          const c = this.cell(lessonId, m.studentId);
          const mark = c.marks.find((x) => x.id === (m.markId ?? null) && x.value === m.value);
          if (mark && !mark.id && r.markIds?.[i]) mark.id = r.markIds[i]!;
        });
        this.removed.delete(lessonId);
        this.dirtyMarks.delete(lessonId);
      } catch (err) {
        if (err instanceof ApiError) for (const [s, reason] of markErrors(err.details, sent)) this.errors[cellKey(lessonId, s)] = reason;
        throw err;
      }
    },
  },
});
