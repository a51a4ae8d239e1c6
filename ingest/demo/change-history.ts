// changes.csv: the setup's creation history (on time by 5 September, or late), teachers' ordinary mark
// corrections before finals, and edits after a final — by the subject teacher (R-FINALS-LOCK breaches)
// or by the administrator (allowed).
import type { Change, FinalMark, Group, Lesson, Mark, StaffMember } from './demo-model';
import type { DemoRates } from './demo-rates';
import { at, daytime, DAY } from './local-time';
import type { Rng } from './prng';
import type { Period, SchoolCalendar } from './school-calendar';

export type SetupState = 'ok' | 'late' | 'missing';
export interface HistoryInput {
  cal: SchoolCalendar; periods: Period[]; periodId: (code: string) => string; staff: StaffMember[]; groups: Group[];
  lessons: Lesson[]; marks: Mark[]; finals: FinalMark[]; rates: DemoRates;
  /** setup item -> state and a few entity ids of it */
  setup: { item: string; entity: string; state: SetupState; ids: string[] }[];
}

export function buildHistory(rng: Rng, input: HistoryInput): Change[] {
  const { cal, rates } = input;
  const changes: Change[] = [];
  const deputy = input.staff.find((s) => s.position === 'deputy') as StaffMember;
  const admin = input.staff.find((s) => s.position === 'admin') as StaffMember;
  for (const item of input.setup) {
    if (item.state === 'missing') continue;
    for (const id of item.ids) {
      const when = item.state === 'late' ? at(cal.startsOn + rng.int(5, 19), 9 * 60) : at(cal.startsOn - rng.int(3, 12), 9 * 60);
      changes.push({ at: when + rng.int(0, 8 * 3600), actorId: deputy.id, action: 'create', entity: item.entity, entityId: id, field: '', oldValue: '', newValue: '' });
    }
  }
  const lessonOf = new Map(input.lessons.map((l) => [l.id, l]));
  const subjectOf = new Map(input.groups.map((g) => [g.id, g.subjectId]));
  const lock = new Map<string, number>();
  for (const f of input.finals) if (f.at !== null && f.value !== '') lock.set(`${f.studentId}|${f.subjectId}|${f.periodId}`, f.at);
  const lastChange = at(cal.endsOn, 20 * 60);
  const otherValue = (v: string) => (v === '5' ? '4' : String(Math.min(5, Number(v) + 1 || 3)));
  const periodsOf = (day: number) => input.periods.filter((p) => day >= p.startsOn && day <= p.endsOn).map((p) => input.periodId(p.code));

  // ordinary corrections, before any final that locks the mark
  for (const m of input.marks) {
    if (m.makeup || !rng.chance(0.002)) continue;
    const l = lessonOf.get(m.lessonId) as Lesson;
    const when = daytime(m.at + rng.int(3600, 2 * DAY));
    const locked = periodsOf(l.day).some((p) => (lock.get(`${m.studentId}|${subjectOf.get(l.groupId)}|${p}`) ?? Infinity) <= when + DAY);
    if (locked || when > lastChange) continue;
    changes.push({ at: when, actorId: m.by, action: 'update', entity: 'mark', entityId: m.id, field: 'value', oldValue: otherValue(m.value), newValue: m.value });
  }
  // edits after a final: the teacher's are breaches, the administrator's are not
  const marksOf = new Map<string, Mark[]>();
  for (const m of input.marks) {
    if (m.makeup) continue;
    const l = lessonOf.get(m.lessonId) as Lesson;
    const key = `${m.studentId}|${subjectOf.get(l.groupId)}`;
    let list = marksOf.get(key);
    if (!list) marksOf.set(key, (list = []));
    list.push(m);
  }
  const periodById = new Map(input.periods.map((p) => [input.periodId(p.code), p]));
  for (const f of input.finals) {
    if (f.at === null || f.value === '') continue;
    const byTeacher = rng.chance(rates.finalsLockEdit);
    if (!byTeacher && !rng.chance(rates.adminEditAfterFinal)) continue;
    const when = daytime(f.at + rng.int(3600, 10 * DAY));
    if (when > lastChange) continue;
    const actorId = byTeacher ? f.by : admin.id;
    const p = periodById.get(f.periodId) as Period;
    const inPeriod = (marksOf.get(`${f.studentId}|${f.subjectId}`) ?? []).filter((m) => {
      const d = lessonOf.get(m.lessonId)!.day;
      return d >= p.startsOn && d <= p.endsOn;
    });
    if (inPeriod.length > 0 && rng.chance(0.6)) {
      const m = rng.pick(inPeriod);
      changes.push({ at: when, actorId, action: 'update', entity: 'mark', entityId: m.id, field: 'value', oldValue: m.value, newValue: otherValue(m.value) });
    } else {
      changes.push({ at: when, actorId, action: 'update', entity: 'final_mark', entityId: `${f.studentId}:${f.subjectId}:${f.periodId}`, field: 'value', oldValue: f.value, newValue: f.value });
    }
  }
  return changes.sort((a, b) => a.at - b.at);
}
