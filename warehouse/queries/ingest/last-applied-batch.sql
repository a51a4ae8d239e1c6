-- The school's latest applied batch of any format (a native entry after an import makes a re-import a change).
select batch_id, content_hash, rejected, report::varchar as report
from raw.import_batch
where school_id = $school_id and status = 'applied'
order by finished_at desc, started_at desc
limit 1
