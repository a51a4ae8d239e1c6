-- One backup attempt into meta.backup_log. Params: every column.
insert into meta.backup_log (backup_id, started_at, finished_at, trigger, path, sha256, size_bytes, tables, status, error)
values ($backup_id, $started_at::timestamptz, $finished_at::timestamptz, $trigger, $path, $sha256, $size_bytes, $tables, $status, $error)
