-- the rows one school holds in one raw table ($table is one of the bundle's raw tables)
select * exclude (school_id) from query_table($table) where school_id = $school_id
