-- The school's IANA time zone (export renders timestamps in it).
select timezone from raw.schools where school_id = $school_id
