import { addRow, type BundleDraft } from './bundle-draft';
import { splitList, type MapContext } from './map-context';
import type { OneRosterRow } from './read-oneroster';

const staffPositions: Record<string, string> = {
  teacher: 'teacher', aide: 'other', proctor: 'other', administrator: 'admin', siteadministrator: 'admin',
  systemadministrator: 'admin', principal: 'director', districtadministrator: 'admin',
};
const guardianRoles = new Set(['parent', 'guardian', 'relative']);

export interface People {
  users: Map<string, OneRosterRow>;
  roleOf: (userId: string, schoolId: string) => string;
  inSchool: (userId: string, schoolId: string) => boolean;
}

export function indexPeople(ctx: MapContext): People {
  const users = new Map(ctx.active('users').map((u) => [u.v.sourcedId!, u]));
  const roles = ctx.active('roles');
  const enrolRoles = new Map<string, string>();
  const enrolSchools = new Map<string, Set<string>>();
  const classSchool = new Map((ctx.table('classes')?.rows ?? []).map((c) => [c.v.sourcedId!, c.v.schoolSourcedId ?? '']));
  for (const e of ctx.table('enrollments')?.rows ?? []) {
    const u = e.v.userSourcedId ?? '';
    if (!enrolRoles.has(u)) enrolRoles.set(u, (e.v.role ?? '').toLowerCase());
    const s = enrolSchools.get(u) ?? new Set<string>();
    s.add(e.v.schoolSourcedId || classSchool.get(e.v.classSourcedId ?? '') || '');
    enrolSchools.set(u, s);
  }
  const roleOf = (userId: string, schoolId: string): string => {
    const mine = roles.filter((r) => r.v.userSourcedId === userId);
    const pick = mine.find((r) => r.v.orgSourcedId === schoolId && (r.v.roleType ?? '').toLowerCase() === 'primary')
      ?? mine.find((r) => (r.v.roleType ?? '').toLowerCase() === 'primary') ?? mine[0];
    return (pick?.v.role || users.get(userId)?.v.role || enrolRoles.get(userId) || '').toLowerCase();
  };
  const inSchool = (userId: string, schoolId: string): boolean => {
    const u = users.get(userId);
    if (!u) return false;
    return splitList(u.v.orgSourcedIds).includes(schoolId) || u.v.primaryOrgSourcedId === schoolId
      || roles.some((r) => r.v.userSourcedId === userId && r.v.orgSourcedId === schoolId)
      || (enrolSchools.get(userId)?.has(schoolId) ?? false);
  };
  return { users, roleOf, inSchool };
}

const fullName = (u: OneRosterRow): string => [u.v.familyName, u.v.givenName, u.v.middleName].filter(Boolean).join(' ');

/** staff, students and guardians of one school; returns the ids written as staff and as students. */
export function mapPeople(ctx: MapContext, people: People, schoolId: string, draft: BundleDraft,
  extraStudents: Set<string>, extraStaff: Set<string>): { staff: Set<string>; students: Set<string> } {
  const staff = new Set<string>();
  const students = new Set<string>();
  const birth = new Map<string, { row: OneRosterRow; value: string | null }>();
  for (const d of ctx.active('demographics')) {
    const id = d.v.userSourcedId || d.v.sourcedId || '';
    birth.set(id, { row: d, value: ctx.date('demographics', d, 'birthDate') });
  }
  const guardians: OneRosterRow[] = [];
  for (const [id, u] of people.users) {
    if (!people.inSchool(id, schoolId) && !extraStudents.has(id) && !extraStaff.has(id)) continue;
    const role = people.roleOf(id, schoolId);
    const name = fullName(u);
    if (!name) {
      ctx.error('users', u, 'familyName', 'missing_required', 'нет ни фамилии, ни имени', 'no family or given name');
      continue;
    }
    const prov = (extra: Record<string, string>) => ({ file: ctx.at('users', u).file, line: u.line,
      columns: { full_name: ctx.at('users', u, 'familyName').column!, ...extra } });
    if (role === 'student' || extraStudents.has(id)) {
      const b = birth.get(id);
      addRow(draft, 'students', { student_id: id, full_name: name, birth_date: b?.value ?? '' }, prov({ student_id: 'sourcedId' }));
      students.add(id);
    }
    if (staffPositions[role] || extraStaff.has(id)) {
      const ext = u.v.ext_svodka_position ?? '';
      const position = ['director', 'deputy', 'teacher', 'admin', 'other'].includes(ext) ? ext : staffPositions[role] ?? 'teacher';
      addRow(draft, 'staff', { staff_id: id, full_name: name, position, email: u.v.email ?? '' },
        prov({ staff_id: 'sourcedId', email: 'email' }));
      staff.add(id);
    }
    if (guardianRoles.has(role)) guardians.push(u);
    if (!students.has(id) && !staff.has(id) && !guardianRoles.has(role)) {
      ctx.warn('users', u, 'role', 'role_not_mapped', `роль «${role || 'не указана'}» не переносится в Сводку; пользователь пропущен`, `role "${role}" not mapped; user skipped`);
    }
  }
  for (const g of guardians) {
    const id = g.v.sourcedId!;
    const children = new Set(splitList(g.v.agentSourcedIds || g.v.agents).filter((s) => students.has(s)));
    for (const s of students) {
      const su = people.users.get(s);
      if (su && splitList(su.v.agentSourcedIds || su.v.agents).includes(id)) children.add(s);
    }
    if (!children.size) {
      ctx.warn('users', g, 'agentSourcedIds', 'guardian_without_child', 'у родителя нет ребёнка среди учеников школы; не перенесён', 'guardian has no student in the school; skipped');
    }
    for (const s of [...children].sort()) {
      addRow(draft, 'guardians', { guardian_id: id, student_id: s, full_name: fullName(g), relation: g.v.ext_svodka_relation !== undefined ? g.v.ext_svodka_relation : people.roleOf(id, schoolId),
        email: g.v.email ?? '', phone: g.v.phone || g.v.sms || '' },
      { file: ctx.at('users', g).file, line: g.line, columns: { guardian_id: 'sourcedId', student_id: 'agentSourcedIds', email: 'email', phone: 'phone' } });
    }
  }
  return { staff, students };
}
