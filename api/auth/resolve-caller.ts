import type { DuckDBConnection } from '@duckdb/node-api';
import { jsonList, sqlRows } from '../../ingest/entry/sql-rows';
import type { Caller } from '../caller';
import type { Account } from './account';

interface StaffScope {
  taught_groups: string[]; taught_classes: string[]; own_classes: string[]; own_class_groups: string[];
  taught_students: string[]; class_students: string[];
}

const union = (...lists: string[][]) => [...new Set(lists.flat())].sort();

/** The caller's entitlements, read from the journal data (raw.*) for the account's role and link. */
export async function resolveCaller(conn: DuckDBConnection, a: Account): Promise<Caller> {
  const base: Caller = {
    userId: a.user_id, login: a.login, role: a.role, staffId: a.staff_id, studentId: a.student_id,
    guardianId: a.guardian_id, districtId: a.district_id,
    allowedSchools: a.school_id ? [a.school_id] : [], allowedClasses: [], allowedGroups: [], allowedStudents: [],
    writableGroups: [], aggregatesOnly: false,
  };
  switch (a.role) {
    case 'director':
    case 'deputy':
      return { ...base, allowedClasses: null, allowedGroups: null, allowedStudents: null };
    case 'admin': {
      // an admin without a school is the installation's admin: every school
      const all = a.school_id === null;
      const [g] = await sqlRows<{ groups: string[] | null }>(conn, 'auth/school-groups', { all_schools: all, schools: jsonList(base.allowedSchools) });
      return { ...base, allowedSchools: all ? null : base.allowedSchools, allowedClasses: null, allowedGroups: null, allowedStudents: null, writableGroups: g?.groups ?? [] };
    }
    case 'teacher':
    case 'class_teacher': {
      const [s] = await sqlRows<StaffScope>(conn, 'auth/scope-staff', { school_id: a.school_id, staff_id: a.staff_id });
      if (!s) return base;
      const lead = a.role === 'class_teacher';
      return {
        ...base,
        allowedClasses: lead ? union(s.own_classes, s.taught_classes) : s.taught_classes,
        allowedGroups: lead ? union(s.own_class_groups, s.taught_groups) : s.taught_groups,
        allowedStudents: lead ? union(s.class_students, s.taught_students) : s.taught_students,
        writableGroups: s.taught_groups,
      };
    }
    case 'guardian': {
      const kids = await sqlRows<{ school_id: string; student_id: string }>(conn, 'auth/scope-guardian', { guardian_id: a.guardian_id, school_id: a.school_id });
      return { ...base, allowedSchools: union(kids.map((k) => k.school_id)), allowedStudents: union(kids.map((k) => k.student_id)) };
    }
    case 'student':
      return { ...base, allowedStudents: a.student_id ? [a.student_id] : [] };
    case 'district': {
      const schools = await sqlRows<{ school_id: string }>(conn, 'auth/scope-district', { district_id: a.district_id });
      return { ...base, allowedSchools: schools.map((s) => s.school_id), allowedClasses: null, allowedGroups: null, aggregatesOnly: true };
    }
  }
}
