import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Conflict, ValidationError } from '../../common/errors';
import { appendAudit } from '../../ingest/audit/append-audit';
import { sqlRows, sqlRun } from '../../ingest/entry/sql-rows';
import { roles, type Role } from '../access';
import type { Account } from './account';
import { hashPassword, passwordProblem } from './password';
import { accountFlagsChanged, deleteUserSessions } from './sessions';

export interface NewAccount {
  login: string;
  role: Role;
  password: string;
  schoolId?: string | null;
  staffId?: string | null;
  studentId?: string | null;
  guardianId?: string | null;
  districtId?: string | null;
  mustChangePassword?: boolean;
}

/** Which link each role needs (besides a school for school roles). */
const linkOf: Record<Role, keyof NewAccount | null> = {
  director: null, deputy: null, admin: null, class_teacher: 'staffId', teacher: 'staffId',
  guardian: 'guardianId', student: 'studentId', district: 'districtId',
};

export function accountProblem(a: NewAccount): { field: string; reason: string } | null {
  if (!/^[a-z0-9._@-]{3,64}$/i.test(a.login)) return { field: 'login', reason: 'логин: 3–64 символа, латинские буквы, цифры и . _ @ -' };
  if (!roles.includes(a.role)) return { field: 'role', reason: `неизвестная роль «${a.role}»; допустимы: ${roles.join(', ')}` };
  const link = linkOf[a.role];
  if (link && !a[link]) return { field: link, reason: `для роли ${a.role} нужна привязка ${link}` };
  if (a.role !== 'district' && a.role !== 'admin' && !a.schoolId) return { field: 'schoolId', reason: `для роли ${a.role} нужна школа` };
  const p = passwordProblem(a.password);
  return p ? { field: 'password', reason: p } : null;
}

export async function findAccount(conn: DuckDBConnection, login: string): Promise<Account | undefined> {
  return (await sqlRows<Account>(conn, 'auth/user-by-login', { login }))[0];
}

export async function findAccountById(conn: DuckDBConnection, userId: string): Promise<Account | undefined> {
  return (await sqlRows<Account>(conn, 'auth/user-by-id', { user_id: userId }))[0];
}

/** Creates an account (audited; the audit never holds the password hash). Run inside serializedWrite. */
export async function createAccount(conn: DuckDBConnection, a: NewAccount, actor: string): Promise<string> {
  const problem = accountProblem(a);
  if (problem) throw new ValidationError('invalid_account', `Поле «${problem.field}»: ${problem.reason}`, `invalid account field ${problem.field}`, [problem]);
  if (await findAccount(conn, a.login)) throw new Conflict('login_taken', `Логин «${a.login}» уже занят`, `login ${a.login} exists`);
  const userId = `U-${randomUUID()}`;
  const row = {
    user_id: userId, login: a.login, role: a.role, school_id: a.schoolId ?? null, staff_id: a.staffId ?? null,
    student_id: a.studentId ?? null, guardian_id: a.guardianId ?? null, district_id: a.districtId ?? null,
  };
  await sqlRun(conn, 'auth/user-insert', { ...row, password_hash: await hashPassword(a.password), must_change_password: a.mustChangePassword ?? false });
  await appendAudit(conn, { actor, action: 'create', entity: 'user', entityId: a.login, schoolId: row.school_id, after: row });
  return userId;
}

export async function setPassword(conn: DuckDBConnection, account: Account, password: string, actor: string, mustChange: boolean): Promise<void> {
  const p = passwordProblem(password);
  if (p) throw new ValidationError('invalid_password', `Поле «password»: ${p}`, 'password too short', [{ field: 'password', reason: p }]);
  accountFlagsChanged(conn);
  await sqlRun(conn, 'auth/user-set-password', { user_id: account.user_id, password_hash: await hashPassword(password), must_change_password: mustChange });
  await deleteUserSessions(conn, account.user_id);
  await appendAudit(conn, { actor, action: mustChange ? 'password_reset' : 'password_change', entity: 'user', entityId: account.login, schoolId: account.school_id });
}

export async function setDisabled(conn: DuckDBConnection, account: Account, disabled: boolean, actor: string): Promise<void> {
  accountFlagsChanged(conn);
  await sqlRun(conn, 'auth/user-set-disabled', { user_id: account.user_id, disabled });
  if (disabled) await deleteUserSessions(conn, account.user_id);
  await appendAudit(conn, { actor, action: disabled ? 'disable' : 'enable', entity: 'user', entityId: account.login, schoolId: account.school_id, before: { disabled: account.disabled }, after: { disabled } });
}
