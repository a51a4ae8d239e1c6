import { defineStore } from 'pinia';
import { get, post } from '../api/http';

export interface UserRow { login: string; role: string; school_id: string | null; staff_id: string | null; guardian_id: string | null; student_id: string | null; disabled: boolean; locked_until: string | null }

/** Accounts, audit-chain check and compromise reports for the admin screens. */
export const useAdminStore = defineStore('admin', {
  state: () => ({ users: [] as UserRow[], message: null as string | null, error: null as string | null }),
  actions: {
    async loadUsers(school: string | null): Promise<UserRow[]> {
      this.users = await get<UserRow[]>('/api/v1/admin/users', { schoolId: school });
      return this.users;
    },
    async run(label: string, fn: () => Promise<string>): Promise<void> {
      this.message = null;
      this.error = null;
      try {
        this.message = `${label}: ${await fn()}`;
      } catch (err) {
        this.error = `${label}: ${(err as Error).message}`;
      }
    },
    createUser(school: string | null, u: { login: string; role: string; staffId?: string; guardianId?: string; studentId?: string }) {
      return this.run('Создание учётной записи', async () => {
        const r = await post<{ login: string; password?: string }>('/api/v1/admin/users', { ...u, schoolId: school ?? undefined });
        await this.loadUsers(school);
        return r.password ? `создана, временный пароль ${r.password}` : 'создана';
      });
    },
    setDisabled(school: string | null, login: string, disabled: boolean) {
      return this.run(login, async () => {
        await post(`/api/v1/admin/users/${encodeURIComponent(login)}/${disabled ? 'disable' : 'enable'}`, { schoolId: school ?? undefined });
        await this.loadUsers(school);
        return disabled ? 'заблокирована' : 'разблокирована';
      });
    },
    resetPassword(school: string | null, login: string) {
      return this.run(login, async () => `новый пароль ${(await post<{ password: string }>(`/api/v1/admin/users/${encodeURIComponent(login)}/reset-password`, { schoolId: school ?? undefined })).password}`);
    },
    verifyAudit(school: string | null) {
      return this.run('Проверка журнала аудита', async () => {
        const r = await get<{ ok: boolean; checks: { name?: string; ok: boolean }[] }>('/api/v1/admin/audit/verify', { schoolId: school });
        return r.ok ? 'цепочка записей цела' : `нарушена: ${r.checks.filter((c) => !c.ok).map((c) => c.name ?? '?').join(', ')}`;
      });
    },
  },
});
