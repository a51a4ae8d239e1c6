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
    type Unit = (typeof units)[number];
    const take = (u: Unit, d: number, s: number) => {
      for (const t of teachersOf(u.unit)) busy.add(`${t}:${d}:${s}`);
      const slot = { groupIds: u.unit.map((g) => g.id), weekday: d, lessonNo: s };
      slots.push(slot);
      return { unit: u, slot };
    };
    for (let d = 0; d < 5; d++) {
      const today = new Map<Unit, number>();
      const placed: { unit: Unit; slot: Slot }[] = [];
      for (let s = 1; s <= (perDay[d] as number); s++) {
        const daysLeft = 5 - d;
        const cap = (u: Unit) => (u.hours > 5 || u.left > daysLeft ? 2 : 1);
        const open = units.filter((u) => u.left > 0 && (today.get(u) ?? 0) < cap(u));
        const pool = open.length > 0 ? open : units.filter((u) => u.left > 0);
        const score = new Map(pool.map((u) => [u, u.left / daysLeft + rng.next() * 0.3]));
        const ranked = pool.sort((a, b) => (score.get(b) as number) - (score.get(a) as number));
        if (ranked.length === 0) break;
        let chosen = ranked.find((u) => free(u.unit, d, s));
        let at = s;
        if (!chosen) {
          const swap = swapIn(ranked, placed, d, s);
          chosen = swap?.unit ?? ranked[0]!;
          at = swap?.at ?? s;
        }
        chosen.left -= 1;
        today.set(chosen, (today.get(chosen) ?? 0) + 1);
        placed.push(take(chosen, d, at));
      }
    }
    /** no unit's teachers are free at slot s: move an earlier lesson of the day to s, the unit takes its place */
    function swapIn(ranked: Unit[], placed: { unit: Unit; slot: Slot }[], d: number, s: number): { unit: Unit; at: number } | undefined {
      for (const u of ranked)
        for (const p of placed) {
          const earlier = p.slot.lessonNo;
          const theirs = teachersOf(p.unit.unit);
          for (const t of theirs) busy.delete(`${t}:${d}:${earlier}`);
          if (free(u.unit, d, earlier) && free(p.unit.unit, d, s)) {
            for (const t of theirs) busy.add(`${t}:${d}:${s}`);
            p.slot.lessonNo = s;
            return { unit: u, at: earlier };
          }
          for (const t of theirs) busy.add(`${t}:${d}:${earlier}`);
        }
      return undefined;
    }
  }
  repairClashes(slots, groups);
  for (const stream of groups.filter((g) => g.kind === 'stream')) {
    const thursday = 3;
    const tenth = new Set(groups.filter((g) => g.grade === stream.grade && g.classId !== null).map((g) => g.id));
    const after = Math.max(0, ...slots.filter((s) => s.weekday === thursday && tenth.has(s.groupIds[0]!)).map((s) => s.lessonNo));
    slots.push({ groupIds: [stream.id], weekday: thursday, lessonNo: Math.min(after + 1, 8) });
  }
  return slots;
}

/** Swaps two lessons of a class (any days) when that takes a teacher out of two places at once. */
function repairClashes(slots: Slot[], groups: Group[]): void {
  const teacher = new Map(groups.map((g) => [g.id, g.teacherId]));
  const classOf = new Map(groups.map((g) => [g.id, g.classId]));
  const count = new Map<string, number>();
  const keys = (slot: Slot, d = slot.weekday, s = slot.lessonNo) => slot.groupIds.map((g) => `${teacher.get(g)}:${d}:${s}`);
  const add = (k: string, n: number) => count.set(k, (count.get(k) ?? 0) + n);
  for (const slot of slots) for (const k of keys(slot)) add(k, 1);
  const byClass = new Map<string, Slot[]>();
  for (const slot of slots) pushTo(byClass, classOf.get(slot.groupIds[0]!) as string, slot);
  const clashes = (slot: Slot) => keys(slot).some((k) => (count.get(k) ?? 0) > 1);
  for (const slot of slots) {
    if (!clashes(slot)) continue;
    for (const other of byClass.get(classOf.get(slot.groupIds[0]!) as string) ?? []) {
      if (other === slot) continue;
      const [a, b] = [keys(slot, other.weekday, other.lessonNo), keys(other, slot.weekday, slot.lessonNo)];
      for (const k of keys(slot)) add(k, -1);
      for (const k of keys(other)) add(k, -1);
      const ok = [...a, ...b].every((k) => (count.get(k) ?? 0) === 0) && new Set([...a, ...b]).size === a.length + b.length;
      if (ok) {
        [slot.weekday, other.weekday] = [other.weekday, slot.weekday];
        [slot.lessonNo, other.lessonNo] = [other.lessonNo, slot.lessonNo];
      }
      for (const k of keys(slot)) add(k, 1);
      for (const k of keys(other)) add(k, 1);
      if (ok) break;
    }
  }
}
