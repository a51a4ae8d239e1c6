/** Who writes: from the api's Caller. Audit links name the login; raw rows' entered_by the staff id. */
export interface EntryActor {
  login: string;
  /** staff id, else login */
  enteredBy: string;
  staffId: string | null;
  guardianId: string | null;
  /** schools the actor may see; null = all */
  schools: string[] | null;
  /** groups the actor may write */
  writableGroups: string[];
}

export const schoolParams = (a: EntryActor) => ({ all_schools: a.schools === null, schools: JSON.stringify(a.schools ?? []) });
