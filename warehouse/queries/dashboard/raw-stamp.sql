-- Changes whenever raw.* may have changed: an import commits its batch row, a native write appends to
-- the audit log in its own transaction. Keys the cached answers that read raw.* (reference lists).
select (select count(*) from raw.import_batch)::varchar || ':' || coalesce((select max(started_at) from raw.import_batch)::varchar, '')
  || ':' || coalesce((select max(seq) from raw.audit_log)::varchar, '') as stamp
