// The year's lessons from the weekly timetable and the calendar, the КТП of every group (one topic per
// scheduled lesson), the control-work schedule, and the lessons that were cancelled, moved or never
// recorded (left `planned`). Cancelled and moved lessons are never a class's last lesson of the day.
import { bells } from './curriculum-plan';
import type { ControlWork, Group, Lesson, Topic } from './demo-model';
import type { DemoRates } from './demo-rates';
import type { Rng } from './prng';
import type { SchoolCalendar } from './school-calendar';
import { topicTitle } from './topic-titles';
import type { Slot } from './weekly-timetable';
import { weekday } from './local-time';
import { pushTo } from './group-by';

export interface Schedule { lessons: Lesson[]; topics: Topic[]; controlWorks: ControlWork[] }

const blank = (id: string, g: Group, day: number, no: number): Lesson => {
  const [starts, ends] = bells[no - 1] as [number, number];
  return {
    id, groupId: g.id, day, lessonNo: no, starts, ends, teacherId: g.teacherId, conductedBy: '', substitutionAt: null,
    status: 'held', movedTo: null, topicId: '', topicText: '', topicAt: null, homeworkText: '', homeworkMinutes: null,
    homeworkAt: null, attendanceAt: null, controlWorkId: '',
  };
};

/** key of "the class's lessons of a day": the class, or the stream group itself */
export const classDayKey = (g: Group, day: number): string => `${g.classId ?? g.id}|${day}`;

export function buildSchedule(rng: Rng, schoolId: string, cal: SchoolCalendar, groups: Group[], slots: Slot[], rates: DemoRates): Schedule {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const lessons: Lesson[] = [];
  let seq = 0;
  const nextId = () => `${schoolId}-L${String(++seq).padStart(6, '0')}`;
  const byWeekday = [0, 1, 2, 3, 4].map((d) => slots.filter((s) => s.weekday === d).sort((a, b) => a.lessonNo - b.lessonNo));
  for (let day = cal.startsOn; day <= cal.endsOn; day++) {
    const wd = weekday(day);
    if (wd > 4) continue;
    for (const slot of byWeekday[wd] as Slot[])
      for (const gid of slot.groupIds) {
        const g = byId.get(gid) as Group;
        if (cal.isSchoolDay(day, g.grade)) lessons.push(blank(nextId(), g, day, slot.lessonNo));
      }
  }
  const topics: Topic[] = [];
  const lessonsOf = new Map<string, Lesson[]>();
  for (const l of lessons) pushTo(lessonsOf, l.groupId, l);
  let topicSeq = 0;
  for (const g of groups) {
    const own = lessonsOf.get(g.id) ?? [];
    own.forEach((l, i) => topics.push({ id: `${schoolId}-K${String(++topicSeq).padStart(6, '0')}`, groupId: g.id, seq: i + 1, title: topicTitle(g.plan.code, i, own.length), plannedDay: l.day }));
  }
  const controlWorks = scheduleControlWorks(rng.fork('control-works'), schoolId, cal, groups, lessonsOf);
  injectStatuses(rng.fork('statuses'), cal, byId, lessons, nextId, rates.lessonUnrecorded);
  return { lessons, topics, controlWorks };
}

function scheduleControlWorks(rng: Rng, schoolId: string, cal: SchoolCalendar, groups: Group[], lessonsOf: Map<string, Lesson[]>): ControlWork[] {
  const works: ControlWork[] = [];
  const titles = { vshk: 'Контрольная работа (ВШК)', written: 'Письменная работа', essay: 'Сочинение', test: 'Тест' } as const;
  const plan = (g: Group, kind: ControlWork['kind'], from: number, to: number) => {
    const options = (lessonsOf.get(g.id) ?? []).filter((l) => l.day >= from && l.day <= to && !l.controlWorkId);
    if (options.length === 0) return;
    const l = rng.pick(options);
    const id = `${schoolId}-W${String(works.length + 1).padStart(5, '0')}`;
    l.controlWorkId = id;
    works.push({ id, groupId: g.id, kind, title: `${titles[kind]}: ${g.plan.name}`, plannedDay: l.day, lessonId: l.id });
  };
  const [q1, q2, q3, q4] = cal.periods.filter((p) => p.kind === 'quarter');
  for (const g of groups) {
    if (g.grade < 2 || g.plan.noMarks || g.kind === 'stream') continue;
    const code = g.plan.code;
    if (['RUS', 'MATH', 'ALG'].includes(code)) { plan(g, 'vshk', q2!.startsOn + 21, q2!.endsOn - 3); plan(g, 'vshk', q4!.startsOn + 7, q4!.endsOn - 10); }
    else if (g.grade >= 5 && ['HIST', 'BIO', 'PHYS', 'GEO'].includes(code)) plan(g, 'vshk', q3!.startsOn + 14, q3!.endsOn - 7);
    if (g.grade >= 3 && ['RUS', 'MATH', 'ALG', 'GEOM', 'PHYS', 'CHEM', 'ENG'].includes(code))
      for (const q of [q1, q2, q3, q4]) plan(g, 'written', q!.startsOn + 14, q!.endsOn - 5);
    if (code === 'LIT') { plan(g, 'essay', q2!.startsOn, q2!.endsOn - 7); plan(g, 'essay', q3!.startsOn, q3!.endsOn - 7); }
    if (['HIST', 'GEO', 'BIO', 'SOC', 'INF', 'OBZR', 'OKR'].includes(code)) { plan(g, 'test', q1!.startsOn + 20, q2!.endsOn); plan(g, 'test', q3!.startsOn, q4!.endsOn); }
  }
  return works;
}

function injectStatuses(rng: Rng, cal: SchoolCalendar, byId: Map<string, Group>, lessons: Lesson[], nextId: () => string, unrecorded: number) {
  const lastNo = new Map<string, number>();
  for (const l of lessons) {
    const k = classDayKey(byId.get(l.groupId) as Group, l.day);
    lastNo.set(k, Math.max(lastNo.get(k) ?? 0, l.lessonNo));
  }
  const added: Lesson[] = [];
  for (const l of lessons) {
    const g = byId.get(l.groupId) as Group;
    if (l.controlWorkId) continue;
    const isLast = lastNo.get(classDayKey(g, l.day)) === l.lessonNo;
    const r = rng.next();
    if (!isLast && g.kind !== 'stream' && r < 0.003) l.status = 'cancelled';
    else if (!isLast && g.kind !== 'stream' && r < 0.005) {
      const to = cal.schoolDays(g.grade).find((d) => d > l.day);
      const k = to === undefined ? '' : classDayKey(g, to);
      const no = (lastNo.get(k) ?? 8) + 1;
      if (to === undefined || no > 8) { l.status = 'cancelled'; continue; }
      l.status = 'moved';
      l.movedTo = to;
      lastNo.set(k, no);
      added.push({ ...blank(nextId(), g, to, no), teacherId: l.teacherId });
    } else if (rng.chance(unrecorded)) l.status = 'planned';
  }
  lessons.push(...added);
}
