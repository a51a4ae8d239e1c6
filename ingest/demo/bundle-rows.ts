// The demo school as bundle rows, column by column in the order of common/bundle-spec.ts.
import type { BundleFileName } from '../../common/bundle-spec';
import type { DemoSchool } from './demo-model';
import { clock, isoDate, timestampText } from './local-time';

type Cell = string | number | boolean | null;
export type BundleRows = Partial<Record<BundleFileName, Cell[][]>>;

export function bundleRows(s: DemoSchool, exportedAt: number): BundleRows {
  const ts = (v: number | null) => (v === null ? null : timestampText(v, s.offset));
  const d = (v: number | null) => (v === null ? null : isoDate(v));
  const cal = s.calendar;
  const rows: BundleRows = {
    manifest: [
      ['format', 'journal-bundle'], ['version', '1'], ['school_id', s.schoolId], ['school_name', s.schoolName],
      ['district_id', s.districtId], ['district_name', s.districtName], ['timezone', s.zone], ['academic_year', cal.academicYear],
      ['year_starts_on', d(cal.startsOn)], ['year_ends_on', d(cal.endsOn)], ['mark_scale', 'five_point'],
      ['source_system', 'svodka-demo'], ['exported_at', ts(exportedAt)],
    ],
    periods: cal.periods.map((p) => [s.periodIds.get(p.code) as string, p.name, p.kind, d(p.startsOn), d(p.endsOn)]),
    holidays: cal.holidays.map((h) => [`${s.schoolId}-H-${h.code}`, h.name, d(h.startsOn), d(h.endsOn)]),
    subjects: s.subjects.map((x) => [x.id, x.name, x.component]),
    rooms: s.rooms.map((r) => [r.id, r.name, r.capacity]),
    staff: s.staff.map((t) => [t.id, t.name, t.position, t.email]),
    classes: s.classes.map((c) => [c.id, c.grade, c.letter, c.teacherId, c.profile || null]),
    students: s.students.map((p) => [p.id, `${p.name.surname} ${p.name.first} ${p.name.patronymic}`, d(p.birthDay), p.iup]),
    enrollments: s.enrollments.map((e) => [e.studentId, e.classId, d(e.from), d(e.to), e.reasonIn || null, e.reasonOut || null]),
    groups: s.groups.map((g) => [g.id, g.subjectId, g.classId, g.name, g.kind, g.teacherId, g.hoursPerWeek]),
    group_members: s.members.map((m) => [m.groupId, m.studentId, d(m.from), d(m.to)]),
    curriculum: s.curriculum.map((c) => [c.classId, c.subjectId, c.hoursPerYear, c.hoursPerWeek, c.studentId || null]),
    ktp: s.topics.map((t) => [t.id, t.groupId, t.seq, t.title, d(t.plannedDay), 1]),
    lessons: s.lessons.map((l) => [
      l.id, l.groupId, d(l.day), l.lessonNo, clock(l.starts), clock(l.ends), l.teacherId, l.conductedBy || null, ts(l.substitutionAt),
      l.status, d(l.movedTo), l.topicId || null, l.topicText || null, ts(l.topicAt), l.homeworkText || null, l.homeworkMinutes,
      ts(l.homeworkAt), ts(l.attendanceAt), l.controlWorkId || null]),
    attendance: s.attendance.map((a) => [a.lessonId, a.studentId, a.status, ts(a.at), a.by]),
    marks: s.marks.map((m) => [m.id, m.lessonId, m.studentId, m.value, m.workType, m.weight, ts(m.at), m.by, m.makeup, m.comment || null]),
    control_works: s.controlWorks.map((w) => [w.id, w.groupId, w.kind, w.title, d(w.plannedDay), w.lessonId || null]),
    final_marks: s.finals.map((f) => [f.studentId, f.subjectId, f.periodId, f.value || null, ts(f.at), f.by || null, d(f.deferredUntil), f.groupId]),
    guardians: s.guardians.map((g) => [g.id, g.studentId, g.name, g.relation, g.email || null, g.phone, g.consent || null, ts(g.consentAt), g.channel || null]),
    parent_acks: s.acks.map((a) => [a.guardianId, a.studentId, ts(a.at), d(a.coversUntil)]),
    recommendations: s.recommendations.map((r) => [r.id, r.studentId, r.teacherId, r.text, ts(r.at)]),
    changes: s.changes.map((c) => [ts(c.at), c.actorId, c.action, c.entity, c.entityId, c.field || null, c.oldValue || null, c.newValue || null]),
  };
  if (s.rooms.length === 0) delete rows.rooms;
  return rows;
}
