-- the import batches of the caller's schools, newest first ($all_schools: an installation admin)
select batch_id, school_id, source, format, status, rejected, actor,
  strftime(started_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%SZ') as started_at,
  strftime(finished_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%SZ') as finished_at
from raw.import_batch
where $all_schools or school_id in (select unnest(from_json($schools, '["varchar"]')))
order by started_at desc, batch_id
limit $limit
