-- One archive entry by id. Params: $entry_id.
select entry_id, school_id, form_id, file_path, strftime(retain_until, '%Y-%m-%d') as retain_until,
       strftime(deleted_at, '%Y-%m-%dT%H:%M:%SZ') as deleted_at
from raw.archive_entries
where entry_id = $entry_id
