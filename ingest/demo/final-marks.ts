// Finals per student × subject × period for every student in a group of the subject at the period's end
// (quarters for grades 1–9, half-years for 10–11, the year for all): entered within the last 7 days, or
// missing, too early, late, or deferred at the injected rates.
import type { FinalMark, Group, Lesson, Mark, SchoolClass, Student } from './demo-model';
import type { DemoRates } from './demo-rates';
import type { GroupRoster } from './group-roster';
import { at, daytime, endOfDay, DAY } from './local-time';
import { finalFromMarks } from './mark-values';
import type { Rng } from './prng';
import type { Period } from './school-calendar';
import { pushTo } from './group-by';

export interface FinalsInput {
  periods: Period[]; periodId: (code: string) => string; periodsForGrade: (grade: number) => string[];
  groups: Group[]; lessons: Lesson[]; marks: Mark[]; classes: SchoolClass[]; students: Student[]; roster: GroupRoster; rates: DemoRates;
}

export function buildFinals(rng: Rng, input: FinalsInput): FinalMark[] {
  const { rates, roster } = input;
  const gradeOf = new Map(input.classes.map((c) => [c.id, c.grade]));
  const groupOf = new Map(input.groups.map((g) => [g.id, g]));
  const exempt = new Set(input.students.filter((s) => s.frailty > 2.3).map((s) => s.id));
  const lessonOf = new Map(input.lessons.map((l) => [l.id, l]));
  const markValues = new Map<string, { day: number; value: number }[]>();
  for (const m of input.marks) {
    const l = lessonOf.get(m.lessonId) as Lesson;
    const key = `${m.studentId}|${groupOf.get(l.groupId)!.subjectId}`;
    pushTo(markValues, key, { day: l.day, value: Number(m.value) });
  }
  const dueDays = new Map<string, number[]>();
  for (const l of input.lessons) if (l.status === 'held' || l.status === 'planned') pushTo(dueDays, l.groupId, l.day);
  const finals: FinalMark[] = [];
  for (const p of input.periods) {
    const due = new Map<string, Group>();
    for (const g of [...input.groups].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!(dueDays.get(g.id) ?? []).some((d) => d >= p.startsOn && d <= p.endsOn)) continue;
      for (const s of roster.on(g.id, p.endsOn)) {
        const cls = roster.classOn(s, p.endsOn);
        if (cls === null || !input.periodsForGrade(gradeOf.get(cls) as number).includes(p.code)) continue;
        const key = `${s}|${g.subjectId}`;
        if (!due.has(key)) due.set(key, g);
      }
    }
    const opens = at(p.endsOn - 6, 0);
    const dueAt = endOfDay(p.endsOn);
    const yearEnd = p.kind === 'year' || p.endsOn === input.periods.find((x) => x.kind === 'year')!.endsOn;
    for (const [key, g] of due) {
      const studentId = key.slice(0, key.indexOf('|'));
      const values = (markValues.get(key) ?? []).filter((m) => m.day >= p.startsOn && m.day <= p.endsOn).map((m) => m.value);
      const value = g.grade === 1 || g.plan.noMarks ? 'безотм' : g.plan.code === 'PE' && exempt.has(studentId) ? 'осв' : finalFromMarks(values);
      const f: FinalMark = { studentId, subjectId: g.subjectId, periodId: input.periodId(p.code), value, at: null, by: g.teacherId, deferredUntil: null, groupId: g.id };
      const r = rng.next();
      let cut = rates.finalMissing;
      if (r < cut) continue;
      if (r < (cut += rates.finalEarly)) f.at = daytime(opens - 3600 - Math.floor(rng.next() * 9 * DAY));
      else if (r < (cut += rates.finalLate)) f.at = daytime(dueAt + 3600 + Math.floor(rng.next() * 4 * DAY));
      else if (r < (cut += rates.finalDeferred)) {
        f.deferredUntil = p.endsOn + rng.int(10, 25);
        if (yearEnd || rng.chance(0.5)) { f.value = ''; f.by = ''; }
        else f.at = at(p.endsOn + rng.int(3, f.deferredUntil - p.endsOn), 12 * 60) + rng.int(0, 7200);
      } else f.at = at(p.endsOn - rng.int(0, 6), 13 * 60) + Math.floor(rng.next() * 9 * 3600);
      finals.push(f);
    }
  }
  return finals;
}
