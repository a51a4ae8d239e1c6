-- The latest backup attempts, newest first (admin page).
select backup_id, strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') as started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') as finished_at,
       trigger, path, sha256, size_bytes::integer as size_bytes, tables, status, error
from meta.backup_log
order by started_at desc
limit 50
