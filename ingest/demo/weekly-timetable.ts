// The weekly timetable: per class and weekday, numbered slots holding one group (or both subgroups of a
// split subject). Lessons run from the 1st slot without gaps; a teacher is not put in two places at once
// when it can be avoided. The stream of two grade-10 classes meets on Thursday after their lessons.
import { maxLessonsPerDay } from './curriculum-plan';
import type { Group, SchoolClass } from './demo-model';
import type { Rng } from './prng';
import { pushTo } from './group-by';

export interface Slot { groupIds: string[]; weekday: number; lessonNo: number }

export function buildTimetable(rng: Rng, classes: SchoolClass[], groups: Group[]): Slot[] {
  const slots: Slot[] = [];
  const busy = new Set<string>();
  const teachersOf = (unit: Group[]) => unit.map((g) => g.teacherId);
  const free = (unit: Group[], d: number, s: number) => teachersOf(unit).every((t) => !busy.has(`${t}:${d}:${s}`));
  for (const c of rng.shuffle([...classes])) {
    const bySubject = new Map<string, Group[]>();
    for (const g of groups) if (g.classId === c.id) pushTo(bySubject, g.subjectId, g);
    const units = [...bySubject.values()].map((unit) => ({ unit, left: unit[0]!.hoursPerWeek, hours: unit[0]!.hoursPerWeek }));
    const total = units.reduce((a, u) => a + u.hours, 0);
    const perDay = [0, 1, 2, 3, 4].map((d) => Math.min(maxLessonsPerDay(c.grade), Math.floor(total / 5) + (d < total % 5 ? 1 : 0)));
    for (let d = 0; d < 5; d++) {
      const today = new Map<object, number>();
      for (let s = 1; s <= (perDay[d] as number); s++) {
        const daysLeft = 5 - d;
        const cap = (u: (typeof units)[number]) => (u.hours > 5 || u.left > daysLeft ? 2 : 1);
        const score = (u: (typeof units)[number]) => u.left / daysLeft + rng.next() * 0.3;
        const open = units.filter((u) => u.left > 0 && (today.get(u) ?? 0) < cap(u));
        const ranked = (open.length > 0 ? open : units.filter((u) => u.left > 0)).sort((a, b) => score(b) - score(a));
        const chosen = ranked.find((u) => free(u.unit, d, s)) ?? ranked[0];
        if (!chosen) break;
        chosen.left -= 1;
        today.set(chosen, (today.get(chosen) ?? 0) + 1);
        for (const t of teachersOf(chosen.unit)) busy.add(`${t}:${d}:${s}`);
        slots.push({ groupIds: chosen.unit.map((g) => g.id), weekday: d, lessonNo: s });
      }
    }
  }
  for (const stream of groups.filter((g) => g.kind === 'stream')) {
    const thursday = 3;
    const tenth = new Set(groups.filter((g) => g.grade === stream.grade && g.classId !== null).map((g) => g.id));
    const after = Math.max(0, ...slots.filter((s) => s.weekday === thursday && tenth.has(s.groupIds[0]!)).map((s) => s.lessonNo));
    slots.push({ groupIds: [stream.id], weekday: thursday, lessonNo: Math.min(after + 1, 8) });
  }
  return slots;
}
