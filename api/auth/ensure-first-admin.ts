import { serializedWrite } from '../../ingest/audit/serialized-write';
import { sqlRows } from '../../ingest/entry/sql-rows';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { createAccount } from './accounts';
import { randomPassword } from './password';

/**
 * On the first start with no accounts, creates the installation's admin (no school: all schools) with
 * a random password, printed once. There is never a fixed default password.
 */
export async function ensureFirstAdmin(warehouse: Warehouse, print: (line: string) => void): Promise<boolean> {
  const password = randomPassword();
  const created = await serializedWrite(warehouse, async (conn) => {
    const [c] = await sqlRows<{ n: number }>(conn, 'auth/user-count');
    if ((c?.n ?? 0) > 0) return false;
    await createAccount(conn, { login: 'admin', role: 'admin', password, mustChangePassword: true }, 'system');
    return true;
  });
  if (created) {
    print('Svodka: учётных записей нет, создан администратор (пароль показан один раз, смените его после входа):');
    print(`  логин: admin   пароль: ${password}`);
  }
  return created;
}
