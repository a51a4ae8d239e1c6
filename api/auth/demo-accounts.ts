import type { Role } from '../access';
import type { NewAccount } from './accounts';
import { createAccount, findAccount } from './accounts';
import { randomPassword } from './password';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { sqlRows } from '../../ingest/entry/sql-rows';
import type { Warehouse } from '../../warehouse/open-warehouse';

interface DemoLinks {
  school_id: string; district_id: string | null; director_id: string | null; deputy_id: string | null; admin_id: string | null;
  class_teacher_id: string | null; teacher_id: string | null; guardian_id: string | null; student_id: string | null;
}

export interface DemoAccount { login: string; role: Role; password: string | null; note: string }

/**
 * One account per role for the first school (random passwords). Logins that exist are kept and
 * reported with password null; roles the data cannot back (no guardians in the bundle) are skipped.
 */
export async function setupDemoAccounts(warehouse: Warehouse): Promise<DemoAccount[]> {
  const [l] = await warehouse.withConnection((conn) => sqlRows<DemoLinks>(conn, 'auth/demo-links'));
  if (!l) return [];
  const school = l.school_id;
  const plan: (Omit<NewAccount, 'password'> & { note: string } | null)[] = [
    { login: 'director', role: 'director', schoolId: school, staffId: l.director_id, note: `директор школы ${school}` },
    { login: 'deputy', role: 'deputy', schoolId: school, staffId: l.deputy_id, note: 'заместитель директора' },
    l.class_teacher_id ? { login: 'class-teacher', role: 'class_teacher', schoolId: school, staffId: l.class_teacher_id, note: `классный руководитель (${l.class_teacher_id})` } : null,
    l.teacher_id ? { login: 'teacher', role: 'teacher', schoolId: school, staffId: l.teacher_id, note: `учитель (${l.teacher_id})` } : null,
    { login: 'admin', role: 'admin', schoolId: school, staffId: l.admin_id, note: `администратор школы ${school}` },
    l.guardian_id ? { login: 'guardian', role: 'guardian', schoolId: school, guardianId: l.guardian_id, note: `родитель (${l.guardian_id})` } : null,
    l.student_id ? { login: 'student', role: 'student', schoolId: school, studentId: l.student_id, note: `ученик (${l.student_id})` } : null,
    l.district_id ? { login: 'district', role: 'district', districtId: l.district_id, note: `специалист района ${l.district_id}` } : null,
  ];
  const out: DemoAccount[] = [];
  for (const p of plan) {
    if (!p) continue;
    const { note, ...account } = p;
    const password = randomPassword();
    const created = await serializedWrite(warehouse, async (conn) => {
      if (await findAccount(conn, account.login)) return false;
      await createAccount(conn, { ...account, password }, 'setup-demo-accounts');
      return true;
    });
    out.push({ login: account.login, role: account.role, password: created ? password : null, note });
  }
  return out;
}
