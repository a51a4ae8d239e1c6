-- one row when the warehouse already holds the school
select 1 as found from raw.schools where school_id = $school_id limit 1
