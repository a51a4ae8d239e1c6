-- the children of a guardian (raw.guardians has one row per guardian and child)
select distinct school_id, student_id from raw.guardians where guardian_id = $guardian_id
  and ($school_id::varchar is null or school_id = $school_id)
order by school_id, student_id
