insert into app.finals_unlocks (unlock_id, school_id, group_id, period_id, reason, unlocked_by, unlocked_at, until)
values ($unlock_id, $school_id, $group_id, $period_id, $reason, $unlocked_by, now(), $until::timestamptz)
