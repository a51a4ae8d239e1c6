import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role, type Scope } from '../../api/access';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { createTestUser, logIn, type LoggedIn, type TestUser } from '../fixtures/auth/login';
import { openTestWarehouse, seedTwoSchools } from '../fixtures/auth/test-warehouse';

// The authorization matrix, generated from the routes the app registered: every /api route × every
// role × an object in the role's scope and one outside it (school SB, district D2). Objects are named
// the way routes name them (path params, and both `groupId` and `group` style fields).
type Objects = Partial<Record<'school' | 'class' | 'group' | 'student' | 'district' | 'lesson', string>>;

const users: Record<Role, TestUser> = {
  director: { login: 'm-director', role: 'director', schoolId: 'SA', staffId: 'A-DIR' },
  deputy: { login: 'm-deputy', role: 'deputy', schoolId: 'SA', staffId: 'A-DEP' },
  class_teacher: { login: 'm-classteacher', role: 'class_teacher', schoolId: 'SA', staffId: 'A-CT' },
  teacher: { login: 'm-teacher', role: 'teacher', schoolId: 'SA', staffId: 'A-T' },
  admin: { login: 'm-admin', role: 'admin', schoolId: 'SA', staffId: 'A-ADM' },
  guardian: { login: 'm-guardian', role: 'guardian', schoolId: 'SA', guardianId: 'g1' },
  student: { login: 'm-student', role: 'student', schoolId: 'SA', studentId: 's2' },
  district: { login: 'm-district', role: 'district', districtId: 'D1' },
};
const school = { school: 'SA', district: 'D1' };
/** what each role is entitled to (absent: nothing of that kind) */
const inScope: Record<Role, Objects> = {
  director: { ...school, class: 'A-5A', group: 'G-A5-RUS', student: 's1', lesson: 'L-R1' },
  deputy: { ...school, class: 'A-5A', group: 'G-A5-RUS', student: 's1', lesson: 'L-R1' },
  admin: { ...school, class: 'A-5A', group: 'G-A5-RUS', student: 's1', lesson: 'L-R1' },
  class_teacher: { ...school, class: 'A-5A', group: 'G-A5-MATH', student: 's1', lesson: 'L-M1' },
  teacher: { ...school, class: 'A-5A', group: 'G-A5-RUS', student: 's1', lesson: 'L-R1' },
  guardian: { ...school, student: 's1' },
  student: { ...school, student: 's2' },
  district: { ...school, class: 'A-5A', group: 'G-A5-RUS', lesson: 'L-R1' },
};
const outOfScope: Objects = { school: 'SB', district: 'D2', class: 'B-7A', group: 'G-B7-MATH', student: 's9', lesson: 'L-B1' };

const paramObject: Record<string, keyof Objects> = {
  schoolId: 'school', school: 'school', classId: 'class', class: 'class', groupId: 'group', group: 'group',
  studentId: 'student', student: 'student', districtId: 'district', district: 'district', lessonId: 'lesson',
};

interface Route { method: string; url: string; access?: { roles: readonly Role[] | 'any'; scope: Scope } }

function request(route: Route, o: Objects) {
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(o[paramObject[name]!] ?? 'no-such-object'));
  const fields: Record<string, string> = {};
  const scope = route.access!.scope;
  if (scope !== 'public' && scope !== 'self') {
    const value = scope === 'group' && !o.group ? undefined : o[scope];
    if (value) Object.assign(fields, { [`${scope}Id`]: value, [scope]: value });
    if (scope === 'group' && !route.url.includes(':')) Object.assign(fields, { groupId: value ?? 'no-such-object' });
    if (scope !== 'school' && scope !== 'district' && o.school) fields.school = o.school;
    if (!value) Object.assign(fields, { [`${scope}Id`]: 'no-such-object', [scope]: 'no-such-object' });
  }
  return route.method === 'GET' ? { method: 'GET' as const, url, query: fields } : { method: route.method as 'POST', url, payload: fields };
}

let warehouse: Warehouse;
let app: FastifyInstance;
let routes: Route[];
const sessions = {} as Record<Role, LoggedIn>;
const passwords = {} as Record<Role, string>;

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  await seedTwoSchools(warehouse);
  app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
  routes = app.svodkaRoutes.filter((r) => r.url.startsWith('/api/'));
  for (const role of roles) {
    passwords[role] = await createTestUser(warehouse, users[role]);
    sessions[role] = await logIn(app, users[role].login, passwords[role]);
  }
});
afterAll(async () => {
  await app.close();
  warehouse.close();
});

describe('authorization matrix', () => {
  it('every /api route declares roles and scope', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('an /api route without a declaration cannot be registered', async () => {
    const bare = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }) });
    expect(() => bare.get('/api/v1/undeclared', async () => 'x')).toThrow(/declares no access/);
    await bare.close();
  });

  it('without a session every non-public route answers 401', async () => {
    for (const r of routes) {
      const res = await app.inject(request(r, inScope.director));
      const label = `${r.method} ${r.url}`;
      if (r.access!.scope === 'public') expect(res.statusCode, label).not.toBe(401);
      else expect(res.statusCode, label).toBe(401);
    }
  });

  it.each(roles.map((r) => [r]))('%s: allowed only for declared roles and objects in scope', async (role) => {
    const failures: string[] = [];
    for (const r of routes) {
      const a = r.access!;
      if (a.scope === 'public') continue;
      const declared = a.roles === 'any' || a.roles.includes(role);
      const headers = async () => (a.scope === 'self' && r.method !== 'GET' ? (await logIn(app, users[role].login, passwords[role])).headers : sessions[role].headers);
      const check = async (objects: Objects, allowed: boolean, what: string) => {
        const res = await app.inject({ ...request(r, objects), headers: await headers() });
        const denied = res.statusCode === 403 || res.statusCode === 401;
        if (denied === allowed) failures.push(`${r.method} ${r.url} ${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      };
      if (a.scope === 'self') {
        await check({}, declared, 'own account');
        continue;
      }
      const own = inScope[role];
      const hasObject = a.scope === 'group' ? Boolean(own.group) : Boolean(own[a.scope]);
      await check(own, declared && hasObject, 'in scope');
      await check(outOfScope, false, 'out of scope');
    }
    expect(failures).toEqual([]);
  });
});

describe('scope inside a school', () => {
  it('teachers write only their groups; class teachers read their class but do not edit others\' groups', async () => {
    const marks = (lesson: string, who: LoggedIn) => app.inject({ method: 'POST', url: `/api/v1/entry/lessons/${lesson}/marks`, headers: who.headers, payload: { marks: [{ studentId: 's1', value: '5', workType: 'oral' }] } });
    expect((await marks('L-M1', sessions.teacher)).statusCode).toBe(403); // 5А maths is A-CT's
    expect((await marks('L-R1', sessions.class_teacher)).statusCode).toBe(403); // 5А Russian: own class, not own group
    expect((await marks('L-M1', sessions.class_teacher)).statusCode).toBe(200);
    expect((await marks('L-R1', sessions.director)).statusCode).toBe(403); // directors read, do not enter
  });

  it('a guardian reaches only their own child; a student only themself; district staff no child at all', async () => {
    const ack = (student: string, who: LoggedIn) => app.inject({ method: 'POST', url: `/api/v1/entry/students/${student}/acknowledgements`, headers: who.headers, payload: { coversUntil: '2026-11-20' } });
    expect((await ack('s2', sessions.guardian)).statusCode).toBe(403);
    expect((await ack('s1', sessions.guardian)).statusCode).toBe(200);
    const me = (who: LoggedIn) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: who.headers });
    expect((await me(sessions.student)).json().allowed.students).toEqual(['s2']);
    expect((await me(sessions.district)).json().allowed).toMatchObject({ schools: ['SA'], students: [], aggregatesOnly: true });
    expect((await me(sessions.class_teacher)).json().allowed).toMatchObject({ classes: ['A-5A'], groups: ['G-A5-MATH', 'G-A5-RUS'], writableGroups: ['G-A5-MATH'], students: ['s1', 's2'] });
  });
});
