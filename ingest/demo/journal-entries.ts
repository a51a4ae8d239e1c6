// What teachers enter for each lesson: topic, attendance, homework, the substitution, current marks,
// control-work marks and makeup marks — on time, or late/missing at the injected rates.
import type { DayAbsence } from './absence-model';
import type { Attendance, ControlWork, Group, Lesson, Mark, StaffMember, Student } from './demo-model';
import type { DemoRates } from './demo-rates';
import type { GroupRoster } from './group-roster';
import { classDayKey } from './lesson-schedule';
import { at, daytime, endOfDay, DAY } from './local-time';
import type { Rng } from './prng';
import type { SchoolCalendar } from './school-calendar';
import { homeworkText } from './topic-titles';
import { markValue } from './mark-values';

export interface JournalInput {
  cal: SchoolCalendar; groups: Group[]; lessons: Lesson[]; topicsByGroup: Map<string, string[]>; controlWorks: ControlWork[];
  roster: GroupRoster; absences: Map<string, Map<number, DayAbsence>>; students: Student[]; staff: StaffMember[]; rates: DemoRates;
}

const workTypes = ['oral', 'homework', 'practical', 'test', 'project'];
const workWeights = [0.55, 0.2, 0.12, 0.08, 0.05];

export function fillJournal(rng: Rng, schoolId: string, input: JournalInput): { attendance: Attendance[]; marks: Mark[] } {
  const { cal, lessons, rates, roster, absences } = input;
  const group = new Map(input.groups.map((g) => [g.id, g]));
  const ability = new Map(input.students.map((s) => [s.id, s.ability]));
  const cw = new Map(input.controlWorks.map((w) => [w.id, w]));
  const teachers = input.staff.filter((s) => s.position === 'teacher');
  const lastEnd = new Map<string, number>();
  for (const l of lessons)
    if (l.status === 'held' || l.status === 'planned') {
      const k = classDayKey(group.get(l.groupId) as Group, l.day);
      lastEnd.set(k, Math.max(lastEnd.get(k) ?? 0, l.ends));
    }
  const nextTopic = new Map<string, number>();
  const attendance: Attendance[] = [];
  const marks: Mark[] = [];
  const lateWork = new Map<string, boolean>();
  let hwCount = 0;
  const markId = () => `${schoolId}-M${String(marks.length + 1).padStart(7, '0')}`;
  const sec = (from: number, to: number) => from + Math.floor(rng.next() * Math.max(1, to - from));

  for (const l of lessons) {
    if (l.status !== 'held') continue;
    const g = group.get(l.groupId) as Group;
    const start = at(l.day, l.starts);
    const dayEnd = endOfDay(l.day);
    // topic from the КТП, in order
    const k = nextTopic.get(g.id) ?? 0;
    nextTopic.set(g.id, k + 1);
    const topicId = input.topicsByGroup.get(g.id)?.[k];
    if (!rng.chance(rates.topicMissing)) {
      if (topicId) l.topicId = topicId; else l.topicText = 'Повторение и обобщение изученного';
      l.topicAt = rng.chance(rates.topicLate) ? daytime(sec(dayEnd + 60, dayEnd + 5 * DAY))
        : rng.chance(0.75) ? sec(start + 120, start + 45 * 60) : sec(at(l.day, 15 * 60), dayEnd - 300);
    }
    // substitution
    if (rng.chance(rates.substitution)) {
      const same = teachers.filter((t) => t.id !== l.teacherId && t.specialty === teachers.find((x) => x.id === l.teacherId)?.specialty);
      l.conductedBy = rng.pick(same.length > 0 ? same : teachers.filter((t) => t.id !== l.teacherId)).id;
      const due = l.topicAt ?? dayEnd;
      l.substitutionAt = rng.chance(rates.substitutionMissing) ? null
        : rng.chance(rates.substitutionLate / (1 - rates.substitutionMissing)) ? daytime(sec(due + 60, due + 5 * 3600)) : sec(start - 90 * 60, start - 60);
    }
    const by = l.conductedBy || l.teacherId;
    // attendance
    if (!rng.chance(rates.attendanceMissing))
      l.attendanceAt = rng.chance(rates.attendanceLate) ? daytime(sec(dayEnd + 60, dayEnd + 3 * DAY)) : sec(start + 60, start + 15 * 60);
    // homework (from grade 2)
    if (g.grade >= 2 && rng.chance(g.plan.givesHomework)) {
      const due = at(l.day, (lastEnd.get(classDayKey(g, l.day)) as number) + 90);
      l.homeworkText = homeworkText(g.plan.code, hwCount++ % 40);
      l.homeworkMinutes = 5 * rng.int(2, 8);
      l.homeworkAt = rng.chance(rates.homeworkLate) ? daytime(sec(due + 60, due + 600 * 60)) : sec(start + 5 * 60, due);
    }
    // who was there
    const present: string[] = [];
    for (const s of roster.on(g.id, l.day)) {
      const away = absences.get(s)?.get(l.day);
      const late = !away && rng.chance(0.006);
      if (away || late) {
        if (l.attendanceAt !== null) attendance.push({ lessonId: l.id, studentId: s, status: away ?? 'late', at: l.attendanceAt, by });
        // makeup marks credit a missed topic of an ordinary lesson (control-work marks have their own deadlines)
        if (away === 'sick' && g.grade >= 2 && !g.plan.noMarks && l.topicId && !l.controlWorkId && rng.chance(0.03)) {
          const when = Math.min(at(l.day + rng.int(5, 20), 14 * 60) + rng.int(0, 4 * 3600), at(cal.endsOn, 17 * 60));
          marks.push({ id: markId(), lessonId: l.id, studentId: s, value: markValue(rng, ability.get(s) ?? 0, 0.3), workType: 'oral', weight: 1, at: when, by, makeup: true, comment: 'Зачёт пропущенной темы' });
        }
      }
      if (!away) present.push(s);
    }
    if (g.grade < 2 || g.plan.noMarks) continue;
    const work = l.controlWorkId ? cw.get(l.controlWorkId) : undefined;
    if (work && work.kind !== 'test') {
      const days = work.kind === 'vshk' ? 3 : 7;
      const deadline = endOfDay(l.day + days);
      if (!lateWork.has(work.id)) lateWork.set(work.id, rng.chance(work.kind === 'vshk' ? rates.controlWorkLate : rates.writtenWorkLate));
      for (const s of present) {
        const d = rng.int(0, days);
        const when = lateWork.get(work.id) && rng.chance(0.6) ? daytime(sec(deadline + 60, deadline + 3 * DAY))
          : Math.min(sec(at(l.day + d, d === 0 ? l.ends : 15 * 60), at(l.day + d, 23 * 60)), deadline);
        marks.push({ id: markId(), lessonId: l.id, studentId: s, value: markValue(rng, ability.get(s) ?? 0, g.plan.difficulty - 0.2),
          workType: work.kind === 'vshk' ? 'control' : work.kind, weight: 2, at: when, by, makeup: false, comment: '' });
      }
      continue;
    }
    for (const s of present) {
      if (!work && !rng.chance(g.plan.markRate)) continue;
      const when = rng.chance(rates.markLate) ? daytime(sec(dayEnd + 60, dayEnd + 4 * DAY))
        : rng.chance(0.7) ? sec(start + 5 * 60, at(l.day, l.ends + 5)) : sec(at(l.day, 15 * 60), dayEnd - 60);
      marks.push({ id: markId(), lessonId: l.id, studentId: s, value: markValue(rng, ability.get(s) ?? 0, g.plan.difficulty),
        workType: work ? 'test' : (workTypes[rng.weighted(workWeights)] as string), weight: work ? 2 : 1, at: when, by, makeup: false, comment: '' });
    }
  }
  return { attendance, marks };
}
