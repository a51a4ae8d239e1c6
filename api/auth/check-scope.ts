import type { DuckDBConnection } from '@duckdb/node-api';
import type { FastifyRequest } from 'fastify';
import { AccessDenied } from '../../common/errors';
import { jsonList, sqlRows } from '../../ingest/entry/sql-rows';
import { writeGeneration } from '../../ingest/audit/serialized-write';
import type { Warehouse } from '../../warehouse/open-warehouse';
import type { AccessDeclaration, Scope } from '../access';
import type { Caller } from '../caller';

type ObjectScope = Exclude<Scope, 'public' | 'self'>;

/** The request fields naming the object of each scope (looked up in params, then query, then body). */
export const scopeFields: Record<ObjectScope, string[]> = {
  school: ['schoolId', 'school'], class: ['classId', 'class'], group: ['groupId', 'group'],
  student: ['studentId', 'student'], district: ['districtId', 'district'],
};

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export function requestValue(req: FastifyRequest, ...fields: string[]): string | undefined {
  for (const source of [req.params, req.query, req.body]) {
    for (const field of fields) {
      const v = (source as Record<string, unknown> | undefined)?.[field];
      if (typeof v === 'string' && v !== '') return v;
    }
  }
  return undefined;
}

export const denied = (what: string, id: string) =>
  new AccessDenied('out_of_scope', `Нет доступа: ${what} «${id}» вне ваших прав`, `object ${what} ${id} outside caller scope`);

const names: Record<ObjectScope, string> = { school: 'школа', class: 'класс', group: 'группа', student: 'ученик', district: 'район' };

/**
 * Checks that the object the request names lies in the caller's scope (403 otherwise). A group may
 * also be named through `lessonId`; writes to a group need it among the caller's writable groups.
 * A school named beside the object (`schoolId`/`school`) must be the caller's and narrows the lookup
 * (ids are unique only within a school). District staff never reach a single child. A request that
 * names no object passes: the handler then filters by the caller's lists in SQL.
 */
export async function checkScope(conn: DuckDBConnection, req: FastifyRequest, caller: Caller, access: AccessDeclaration, warehouse?: Warehouse): Promise<void> {
  const scope = access.scope;
  if (scope === 'public' || scope === 'self') return;
  if (scope === 'student' && caller.aggregatesOnly) throw new AccessDenied('aggregates_only', 'Сотрудникам района доступны только сводные данные, без сведений об учениках', 'district caller asked for a student');
  const namedSchool = requestValue(req, ...scopeFields.school);
  if (namedSchool && caller.allowedSchools !== null && !caller.allowedSchools.includes(namedSchool)) throw denied(names.school, namedSchool);
  const allSchools = caller.allowedSchools === null && !namedSchool;
  const schools = jsonList(namedSchool ? [namedSchool] : caller.allowedSchools);
  let id = requestValue(req, ...scopeFields[scope]);
  if (!id && scope === 'group') {
    const lessonId = requestValue(req, 'lessonId');
    if (lessonId) {
      const found = await lessonGroups(conn, warehouse, { lesson_id: lessonId, all_schools: allSchools, schools });
      if (found.length === 0) throw denied('урок', lessonId);
      id = found[0]!.group_id;
    }
  }
  if (!id) return;
  const allowed = await allowedList(conn, caller, scope, unsafe(req.method));
  // the caller's lists are read from the objects of their school(s): outside the list is outside the
  // scope, and inside it is inside when no other school can be meant
  if (allowed !== null && !allowed.includes(id)) throw denied(names[scope], id);
  // a school in the caller's own list is the object itself: nothing more to look up
  if (scope === 'school' && allowed !== null) return;
  if (allowed !== null && !namedSchool && caller.allowedSchools?.length === 1) return;
  const [r] = await sqlRows<{ n: number }>(conn, 'auth/object-in-scope', {
    kind: scope, id, all_schools: allSchools, schools, restricted: allowed !== null, allowed: jsonList(allowed),
  });
  if (!r || r.n === 0) throw denied(names[scope], id);
}

// The group of a lesson, kept a few seconds like the caller's entitlements (caller-cache.ts) and
// forgotten on every native write that may change journal data. A write through the lesson checks
// its group again inside the serialized write (ingest/entry/context-cache.ts), against every change.
const lessonTtlMs = 5_000;
const lessonCaches = new WeakMap<Warehouse, Map<string, { at: number; generation: number; found: LessonGroup[] }>>();
type LessonGroup = { school_id: string; group_id: string };

async function lessonGroups(conn: DuckDBConnection, warehouse: Warehouse | undefined, params: { lesson_id: string; all_schools: boolean; schools: string }): Promise<LessonGroup[]> {
  if (!warehouse) return sqlRows<LessonGroup>(conn, 'auth/lesson-group', params);
  let cache = lessonCaches.get(warehouse);
  if (!cache) lessonCaches.set(warehouse, (cache = new Map()));
  const key = JSON.stringify(params);
  const hit = cache.get(key);
  if (hit && hit.generation === writeGeneration() && Date.now() - hit.at < lessonTtlMs) return hit.found;
  const generation = writeGeneration();
  const at = Date.now();
  const found = await sqlRows<LessonGroup>(conn, 'auth/lesson-group', params);
  if (found.length > 0 && generation === writeGeneration()) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { at, generation, found });
  }
  return found;
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
