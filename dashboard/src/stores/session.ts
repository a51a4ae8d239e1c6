import { defineStore } from 'pinia';
import { ApiError, get, post, setCsrfToken } from '../api/http';
import { homeOf as roleHomes } from '../../../common/first-screen';

export type Role = 'director' | 'deputy' | 'class_teacher' | 'teacher' | 'admin' | 'guardian' | 'student' | 'district';

/** What the dashboard needs of `GET /api/v1/auth/me` (normalised: the server may add more). */
export interface Me {
  login: string;
  role: Role;
  fullName: string | null;
  schoolId: string | null;
  districtId: string | null;
  /** null = every one of the school */
  classIds: string[] | null;
  studentIds: string[] | null;
  groupIds: string[] | null;
  writableGroups: string[];
  staffId: string | null;
  guardianId: string | null;
}

type RawMe = Record<string, unknown> & { allowed?: Record<string, unknown> };

const list = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function normaliseMe(raw: RawMe): Me & { csrfToken: string | null } {
  const u = raw as Record<string, unknown>;
  const a = raw.allowed ?? {};
  const schools = list(a.schools);
  return {
    login: String(u.login ?? ''),
    role: u.role as Role,
    fullName: str(u.fullName),
    schoolId: str(u.schoolId) ?? schools?.[0] ?? null,
    districtId: str(u.districtId),
    classIds: list(a.classes),
    studentIds: list(a.students),
    groupIds: list(a.groups),
    writableGroups: list(a.writableGroups) ?? [],
    staffId: str(u.staffId),
    guardianId: str(u.guardianId),
    csrfToken: str(u.csrfToken),
  };
}

/** Where each role lands after logging in (common/first-screen.ts: the server prepares that screen for `/`). */
export const homeOf: Record<Role, string> = roleHomes;

export const useSessionStore = defineStore('session', {
  state: () => ({ me: null as Me | null, checked: false, error: null as string | null }),
  getters: { home: (s) => (s.me ? homeOf[s.me.role] ?? '/' : '/login') },
  actions: {
    async load(): Promise<Me | null> {
      try {
        const { csrfToken, ...me } = normaliseMe(await get<RawMe>('/api/v1/auth/me'));
        setCsrfToken(csrfToken);
        this.me = me;
      } catch (err) {
        if (!(err instanceof ApiError) || (err.status !== 401 && err.status !== 404)) this.error = (err as Error).message;
        this.me = null;
      }
      this.checked = true;
      return this.me;
    },
    async login(login: string, password: string): Promise<Me | null> {
      this.error = null;
      await post('/api/v1/auth/login', { login, password });
      return this.load();
    },
    async logout(): Promise<void> {
      await post('/api/v1/auth/logout').catch(() => undefined);
      setCsrfToken(null);
      this.me = null;
    },
  },
});
