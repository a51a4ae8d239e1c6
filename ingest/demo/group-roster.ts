// Who is in a group on a day: a `class` group's members are its class's enrolment, every other group's
// are its group_members rows (spans inclusive, open end = still there). Used by the journal, the finals
// and the ground truth alike, exactly as core.memberships_group defines membership.
import type { Enrollment, Group, GroupMember } from './demo-model';
import { pushTo } from './group-by';

interface Span { studentId: string; from: number; to: number | null }

export interface GroupRoster {
  on(groupId: string, day: number): string[];
  classOn(studentId: string, day: number): string | null;
}

export function createGroupRoster(groups: readonly Group[], enrollments: readonly Enrollment[], members: readonly GroupMember[]): GroupRoster {
  const byClass = new Map<string, Span[]>();
  for (const e of enrollments) pushTo(byClass, e.classId, e);
  const byGroup = new Map<string, Span[]>();
  for (const m of members) pushTo(byGroup, m.groupId, m);
  const spans = new Map<string, Span[]>();
  for (const g of groups) spans.set(g.id, g.kind === 'class' ? (byClass.get(g.classId as string) ?? []) : (byGroup.get(g.id) ?? []));
  const byStudent = new Map<string, Enrollment[]>();
  for (const e of enrollments) pushTo(byStudent, e.studentId, e);
  return {
    on(groupId, day) {
      const out: string[] = [];
      for (const s of spans.get(groupId) ?? []) if (s.from <= day && (s.to === null || day <= s.to)) out.push(s.studentId);
      return out;
    },
    classOn(studentId, day) {
      for (const e of byStudent.get(studentId) ?? []) if (e.from <= day && (e.to === null || day <= e.to)) return e.classId;
      return null;
    },
  };
}
