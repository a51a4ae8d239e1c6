-- Marks an entry deleted (its file removed after the retention period); the row stays. Params: $entry_id, $at.
update raw.archive_entries set deleted_at = $at::timestamptz where entry_id = $entry_id and deleted_at is null
