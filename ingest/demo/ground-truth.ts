// The generator's one definition of "what counts": the breach rows every R-* mart must report for a
// generated school as of the year's end, counted from the generated records (not from the rates),
// following docs/rule-semantics.md: deadlines in local time, "end of day D" = 00:00 of D+1, a record is
// judged when due_at <= the end of the as-of day, anything entered after that counts as missing.
import type { RuleId } from '../../common/metric-ids';
import type { DemoSchool, Group, Lesson } from './demo-model';
import { createGroupRoster } from './group-roster';
import { classDayKey } from './lesson-schedule';
import { at, dayOf, endOfDay } from './local-time';
import { parseAcademicYear } from './school-calendar';
import { pushTo } from './group-by';

export type Violations = Record<RuleId, number>;

export function countViolations(s: DemoSchool, asOfDay = s.calendar.endsOn): Violations {
  const asOfEnd = endOfDay(asOfDay);
  const out: Violations = {
    'R-MARK-DAY': 0, 'R-HOMEWORK': 0, 'R-ATTENDANCE': 0, 'R-TOPIC': 0, 'R-SUBSTITUTION': 0, 'R-CONTROL-WORK': 0,
    'R-WRITTEN-WORK': 0, 'R-PERIOD-FINAL': 0, 'R-FINALS-LOCK': 0, 'R-SETUP': 0, 'R-ARCHIVE': 0,
  };
  /** one due record: judged when due, a breach when missing, late, or (finals) too early */
  const judge = (rule: RuleId, dueAt: number, enteredAt: number | null, opensAt = -Infinity) => {
    if (dueAt > asOfEnd) return;
    const entered = enteredAt !== null && enteredAt <= asOfEnd ? enteredAt : null;
    if (entered === null || entered > dueAt || entered < opensAt) out[rule] += 1;
  };
  const group = new Map(s.groups.map((g) => [g.id, g]));
  const isDue = (l: Lesson) => l.status === 'held' || l.status === 'planned';
  const lessonOf = new Map(s.lessons.map((l) => [l.id, l]));
  const workKind = new Map<string, string>();
  for (const w of s.controlWorks) if (w.lessonId) workKind.set(w.lessonId, w.kind);
  for (const l of s.lessons) if (l.controlWorkId) workKind.set(l.id, s.controlWorks.find((w) => w.id === l.controlWorkId)!.kind);

  // lessons: homework, attendance, topic, substitution
  const lastEnd = new Map<string, number>();
  for (const l of s.lessons) if (isDue(l)) {
    const k = classDayKey(group.get(l.groupId) as Group, l.day);
    lastEnd.set(k, Math.max(lastEnd.get(k) ?? 0, l.ends));
  }
  for (const l of s.lessons) {
    if (!isDue(l)) continue;
    const topicAt = l.topicId || l.topicText ? l.topicAt : null;
    if (l.homeworkText || l.homeworkMinutes !== null)
      judge('R-HOMEWORK', at(l.day, (lastEnd.get(classDayKey(group.get(l.groupId) as Group, l.day)) as number) + 90), l.homeworkAt);
    judge('R-ATTENDANCE', endOfDay(l.day), l.attendanceAt);
    judge('R-TOPIC', endOfDay(l.day), topicAt);
    if (l.conductedBy && l.conductedBy !== l.teacherId) judge('R-SUBSTITUTION', topicAt ?? endOfDay(l.day), l.substitutionAt);
  }
  // marks: the day rule, or the control/written work windows
  for (const m of s.marks) {
    const l = lessonOf.get(m.lessonId) as Lesson;
    if (!isDue(l)) continue;
    const kind = workKind.get(l.id);
    if (kind === 'vshk') judge('R-CONTROL-WORK', endOfDay(l.day + 3), m.at);
    else if (kind === 'written' || kind === 'essay') judge('R-WRITTEN-WORK', endOfDay(l.day + 7), m.at);
    else if (!m.makeup) judge('R-MARK-DAY', endOfDay(l.day), m.at);
  }
  countFinals(s, judge);
  out['R-FINALS-LOCK'] = countFinalsLock(s, asOfEnd, lessonOf, group);
  countSetup(s, judge);
  const archiveDue = endOfDay(dayOf(`${parseAcademicYear(s.calendar.academicYear) + 1}-06-30`));
  if (archiveDue <= asOfEnd) out['R-ARCHIVE'] = 2 * s.classes.length;
  return out;
}

type Judge = (rule: RuleId, dueAt: number, enteredAt: number | null, opensAt?: number) => void;

function countFinals(s: DemoSchool, judge: Judge) {
  const roster = createGroupRoster(s.groups, s.enrollments, s.members);
  const gradeOf = new Map(s.classes.map((c) => [c.id, c.grade]));
  const finalOf = new Map(s.finals.map((f) => [`${f.studentId}|${f.subjectId}|${f.periodId}`, f]));
  const dueDays = new Map<string, number[]>();
  for (const l of s.lessons) if (l.status === 'held' || l.status === 'planned') pushTo(dueDays, l.groupId, l.day);
  for (const p of s.calendar.periods) {
    const pid = s.periodIds.get(p.code) as string;
    const gradeAt = (studentId: string) => { const c = roster.classOn(studentId, p.endsOn); return c === null ? undefined : gradeOf.get(c); };
    const grades = new Set(s.finals.filter((f) => f.periodId === pid).map((f) => gradeAt(f.studentId)));
    const due = new Set<string>();
    for (const g of s.groups) {
      if (!(dueDays.get(g.id) ?? []).some((d) => d >= p.startsOn && d <= p.endsOn)) continue;
      for (const st of roster.on(g.id, p.endsOn)) {
        const grade = gradeAt(st);
        if (grade !== undefined && grades.has(grade)) due.add(`${st}|${g.subjectId}|${pid}`);
      }
    }
    for (const key of due) {
      const f = finalOf.get(key);
      const dueAt = endOfDay(Math.max(p.endsOn, f?.deferredUntil ?? p.endsOn));
      judge('R-PERIOD-FINAL', dueAt, f && f.value ? f.at : null, at(p.endsOn - 6, 0));
    }
  }
}

function countFinalsLock(s: DemoSchool, asOfEnd: number, lessonOf: Map<string, Lesson>, group: Map<string, Group>): number {
  const exempt = new Set(s.staff.filter((t) => t.position === 'admin').map((t) => t.id));
  const firstChange = new Map<string, number>();
  for (const c of s.changes) if (c.entity === 'final_mark') firstChange.set(c.entityId, Math.min(firstChange.get(c.entityId) ?? Infinity, c.at));
  const lock = new Map<string, number>();
  for (const f of s.finals) if (f.value && f.at !== null) {
    const id = `${f.studentId}:${f.subjectId}:${f.periodId}`;
    lock.set(id, Math.min(f.at, firstChange.get(id) ?? Infinity));
  }
  const markOf = new Map(s.marks.map((m) => [m.id, m]));
  let n = 0;
  for (const c of s.changes) {
    if (exempt.has(c.actorId) || c.at > asOfEnd) continue;
    let keys: string[] = [];
    if (c.entity === 'final_mark') keys = [c.entityId];
    else if (c.entity === 'mark') {
      const m = markOf.get(c.entityId);
      const l = m && lessonOf.get(m.lessonId);
      if (!m || !l) continue;
      const subject = group.get(l.groupId)!.subjectId;
      keys = s.calendar.periods.filter((p) => l.day >= p.startsOn && l.day <= p.endsOn).map((p) => `${m.studentId}:${subject}:${s.periodIds.get(p.code)}`);
    }
    if (keys.some((k) => (lock.get(k) ?? Infinity) < c.at)) n += 1;
  }
  return n;
}

function countSetup(s: DemoSchool, judge: Judge) {
  const due = endOfDay(dayOf(`${parseAcademicYear(s.calendar.academicYear)}-09-05`));
  const earliest = (pick: (entity: string, id: string) => boolean) => {
    let t: number | null = null;
    for (const c of s.changes) if (c.action === 'create' && pick(c.entity, c.entityId) && (t === null || c.at < t)) t = c.at;
    return t;
  };
  const items: [string, number][] = [
    ['period', s.calendar.periods.length], ['holiday', s.calendar.holidays.length], ['subject', s.subjects.length],
    ['room', s.rooms.length], ['staff', s.staff.length], ['class', s.classes.length], ['group', s.groups.length],
    ['curriculum', s.curriculum.length], ['lesson', s.lessons.length], ['control_work', s.controlWorks.length],
  ];
  for (const [entity, rows] of items) {
    const created = earliest((e) => e === entity);
    judge('R-SETUP', due, created ?? (rows > 0 ? due : null));
  }
  for (const st of s.students.filter((x) => x.iup)) {
    const created = earliest((e, id) => e === 'curriculum' && id.startsWith(`${st.id}:`));
    judge('R-SETUP', due, created ?? (s.curriculum.some((c) => c.studentId === st.id) ? due : null));
  }
}
