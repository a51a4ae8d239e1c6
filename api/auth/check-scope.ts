import type { DuckDBConnection } from '@duckdb/node-api';
import type { FastifyRequest } from 'fastify';
import { AccessDenied, ValidationError } from '../../common/errors';
import { jsonList, sqlRows } from '../../ingest/entry/sql-rows';
import type { AccessDeclaration, Scope } from '../access';
import type { Caller } from '../caller';

type ObjectScope = Exclude<Scope, 'public' | 'self'>;

/** The request field naming the object of each scope (looked up in params, then query, then body). */
export const scopeField: Record<ObjectScope, string> = {
  school: 'schoolId', class: 'classId', group: 'groupId', student: 'studentId', district: 'districtId',
};

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export function requestValue(req: FastifyRequest, field: string): string | undefined {
  for (const source of [req.params, req.query, req.body]) {
    const v = (source as Record<string, unknown> | undefined)?.[field];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

export const denied = (what: string, id: string) =>
  new AccessDenied('out_of_scope', `Нет доступа: ${what} «${id}» вне ваших прав`, `object ${what} ${id} outside caller scope`);

const names: Record<ObjectScope, string> = { school: 'школа', class: 'класс', group: 'группа', student: 'ученик', district: 'район' };

/**
 * Checks that the object the request names lies in the caller's scope (403 otherwise). A group may
 * also be named through `lessonId`; writes to a group need it among the caller's writable groups.
 * District staff never reach a single child. Sets req.scopeSchoolId to the school of the object.
 */
export async function checkScope(conn: DuckDBConnection, req: FastifyRequest, caller: Caller, access: AccessDeclaration): Promise<void> {
  const scope = access.scope;
  if (scope === 'public' || scope === 'self') return;
  if (scope === 'student' && caller.aggregatesOnly) throw new AccessDenied('aggregates_only', 'Сотрудникам района доступны только сводные данные, без сведений об учениках', 'district caller asked for a student');
  const allSchools = caller.allowedSchools === null;
  const schools = jsonList(caller.allowedSchools);
  let id = requestValue(req, scopeField[scope]);
  if (!id && scope === 'group') {
    const lessonId = requestValue(req, 'lessonId');
    if (lessonId) {
      const found = await sqlRows<{ school_id: string; group_id: string }>(conn, 'auth/lesson-group', { lesson_id: lessonId, all_schools: allSchools, schools });
      if (found.length === 0) throw denied('урок', lessonId);
      id = found[0]!.group_id;
    }
  }
  if (!id && scope === 'school') {
    if (allSchools) return;
    if (caller.allowedSchools!.length === 1) id = caller.allowedSchools![0];
  }
  if (!id && scope === 'district') {
    const districts = caller.districtId ? [caller.districtId] : await districtsOf(conn, caller);
    if (districts.length === 1) id = districts[0];
  }
  if (!id) throw new ValidationError('scope_missing', `Не указан параметр «${scopeField[scope]}»`, `request names no ${scopeField[scope]}`);
  const allowed = await allowedList(conn, caller, scope, unsafe(req.method));
  const [r] = await sqlRows<{ n: number }>(conn, 'auth/object-in-scope', {
    kind: scope, id, all_schools: allSchools, schools, restricted: allowed !== null, allowed: jsonList(allowed),
  });
  if (!r || r.n === 0) throw denied(names[scope], id);
}

async function allowedList(conn: DuckDBConnection, caller: Caller, scope: ObjectScope, write: boolean): Promise<string[] | null> {
  switch (scope) {
    case 'school': return caller.allowedSchools;
    case 'class': return caller.allowedClasses;
    case 'group': return write ? caller.writableGroups : caller.allowedGroups;
    case 'student': return caller.allowedStudents;
    case 'district': return caller.districtId ? [caller.districtId] : caller.allowedSchools === null ? null : districtsOf(conn, caller);
  }
}

async function districtsOf(conn: DuckDBConnection, caller: Caller): Promise<string[]> {
  if (caller.allowedSchools === null) return [];
  const rows = await sqlRows<{ district_id: string }>(conn, 'auth/school-district', { schools: jsonList(caller.allowedSchools) });
  return rows.map((r) => r.district_id);
}
