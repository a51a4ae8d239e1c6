select count(*)::integer as n from raw.schools where school_id = $school
