-- the earliest end of an admin unlock in force for the group (when a finals lock comes back)
select epoch_ms(min(until)) as ends_ms from app.finals_unlocks
where school_id = $school_id and group_id = $group_id and until > now()
