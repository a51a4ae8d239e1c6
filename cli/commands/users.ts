import type { Command } from 'commander';
import { roles, type Role } from '../../api/access';
import { createAccount, findAccount, setDisabled, setPassword } from '../../api/auth/accounts';
import { randomPassword } from '../../api/auth/password';
import { NotFound, ValidationError } from '../../common/errors';
import { serializedWrite } from '../../ingest/audit/serialized-write';
import { sqlRows } from '../../ingest/entry/sql-rows';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { withWarehouse } from '../context';

const actor = 'cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The school of a staff/student/guardian id when --school is not given (ids are unique per school). */
async function schoolOf(warehouse: Warehouse, kind: string, id: string): Promise<string> {
  const rows = await warehouse.withConnection((conn) => sqlRows<{ school_id: string }>(conn, 'auth/link-school', { kind, id }));
  if (rows.length === 1) return rows[0]!.school_id;
  const why = rows.length === 0 ? `не найден ни в одной школе` : `есть в нескольких школах (${rows.map((r) => r.school_id).join(', ')}): укажите --school`;
  throw new ValidationError('invalid_account', `${kind} «${id}» ${why}`, `${kind} ${id}: ${rows.length} schools`);
}

interface AddOptions { login: string; role: string; school?: string; staff?: string; student?: string; guardian?: string; district?: string; passwordStdin?: boolean }

export function registerUsers(program: Command): void {
  const users = program.command('users').description('accounts: add, list, disable, enable, reset');
  users.command('add')
    .requiredOption('--login <login>')
    .requiredOption('--role <role>', roles.join(' | '))
    .option('--school <id>').option('--staff <id>').option('--student <id>').option('--guardian <id>').option('--district <id>')
    .option('--password-stdin', 'read the password from stdin (else a random one is printed once)')
    .action(async (o: AddOptions) => {
      await withWarehouse(async (warehouse) => {
        const link = o.staff ? ['staff', o.staff] : o.student ? ['student', o.student] : o.guardian ? ['guardian', o.guardian] : null;
        const schoolId = o.school ?? (link ? await schoolOf(warehouse, link[0]!, link[1]!) : undefined);
        const password = o.passwordStdin ? await readStdin() : randomPassword();
        await serializedWrite(warehouse, (conn) => createAccount(conn, {
          login: o.login, role: o.role as Role, password, schoolId, staffId: o.staff, studentId: o.student, guardianId: o.guardian, districtId: o.district,
          mustChangePassword: !o.passwordStdin,
        }, actor));
        console.log(o.passwordStdin ? `created ${o.login} (${o.role})` : `created ${o.login} (${o.role}); password (shown once): ${password}`);
      });
    });
  users.command('list').action(async () => {
    await withWarehouse(async (warehouse) => {
      const rows = await warehouse.withConnection((conn) => sqlRows(conn, 'auth/user-list', { all_schools: true, schools: '[]' }));
      for (const r of rows) {
        const link = r.staff_id ?? r.student_id ?? r.guardian_id ?? r.district_id ?? '';
        console.log(`${String(r.login).padEnd(20)} ${String(r.role).padEnd(14)} ${String(r.school_id ?? '-').padEnd(10)} ${String(link).padEnd(12)} ${r.disabled ? 'disabled' : 'active'}`);
      }
    });
  });
  const change = (name: string, description: string, fn: (w: Warehouse, login: string) => Promise<void>) =>
    users.command(`${name} <login>`).description(description).action(async (login: string) => withWarehouse((w) => fn(w, login)));
  const account = async (w: Warehouse, login: string) => {
    const a = await w.withConnection((conn) => findAccount(conn, login));
    if (!a) throw new NotFound('user_not_found', `Учётная запись «${login}» не найдена`, `user ${login} not found`);
    return a;
  };
  change('disable', 'disable an account and end its sessions', async (w, login) => {
    const a = await account(w, login);
    await serializedWrite(w, (conn) => setDisabled(conn, a, true, actor));
    console.log(`disabled ${login}`);
  });
  change('enable', 'enable an account', async (w, login) => {
    const a = await account(w, login);
    await serializedWrite(w, (conn) => setDisabled(conn, a, false, actor));
    console.log(`enabled ${login}`);
  });
  change('reset', 'set a new random password (printed once; to be changed at next login)', async (w, login) => {
    const a = await account(w, login);
    const password = randomPassword();
    await serializedWrite(w, (conn) => setPassword(conn, a, password, actor, true));
    console.log(`new password for ${login} (shown once): ${password}`);
  });
}
