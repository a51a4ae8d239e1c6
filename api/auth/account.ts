import type { Role } from '../access';

/** A row of app.users as the auth code uses it. */
export interface Account {
  user_id: string;
  login: string;
  role: Role;
  school_id: string | null;
  staff_id: string | null;
  student_id: string | null;
  guardian_id: string | null;
  district_id: string | null;
  password_hash: string;
  disabled: boolean;
  failed_attempts: number;
  locked_until_ms: string | null;
  must_change_password: boolean;
}

/** What raw.*.entered_by holds for this account's writes: the staff id, else the login. */
export const enteredBy = (a: { staff_id?: string | null; staffId?: string | null; login: string }): string =>
  a.staff_id ?? a.staffId ?? a.login;
