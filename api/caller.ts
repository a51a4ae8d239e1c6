import type { Role } from './access';

/**
 * Who is calling, resolved by the auth plugin from the session (api/auth). The lists are what the
 * caller may see; `null` means "not restricted at this level" (e.g. a director: every class of the
 * school). Queries bind these as $allowed_* parameters so that scope is enforced in SQL.
 */
export interface Caller {
  userId: string;
  login: string;
  role: Role;
  /** the staff, student or guardian record this account is, if any */
  staffId: string | null;
  studentId: string | null;
  guardianId: string | null;
  districtId: string | null;
  allowedSchools: string[] | null;
  allowedClasses: string[] | null;
  allowedGroups: string[] | null;
  allowedStudents: string[] | null;
  /** groups the caller may write to (teachers: the groups they teach) */
  writableGroups: string[];
  /** district staff see aggregates only: no child's name or id */
  aggregatesOnly: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
