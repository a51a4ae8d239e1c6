-- One school's header: name, zone, year bounds, mark scale.
select school_id as id, school_name as name, timezone, strftime(year_starts_on, '%Y-%m-%d') as "yearStartsOn",
  strftime(year_ends_on, '%Y-%m-%d') as "yearEndsOn", mark_scale as "markScale"
from raw.schools where school_id = $school
