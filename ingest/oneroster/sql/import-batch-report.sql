-- one batch with its report, when it belongs to the caller's schools
select batch_id, school_id, report::varchar as report
from raw.import_batch
where batch_id = $batch_id and ($all_schools or school_id in (select unnest(from_json($schools, '["varchar"]'))))
