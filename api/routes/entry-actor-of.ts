import type { FastifyRequest } from 'fastify';
import { enteredBy } from '../auth/account';
import type { EntryActor } from '../../ingest/entry/entry-actor';

/** The writer of an entry, from the caller the auth plugin resolved. */
export function entryActorOf(req: FastifyRequest): EntryActor {
  const c = req.caller!;
  return {
    login: c.login, enteredBy: enteredBy({ staffId: c.staffId, login: c.login }), staffId: c.staffId, guardianId: c.guardianId,
    schools: c.allowedSchools, writableGroups: c.writableGroups,
  };
}
