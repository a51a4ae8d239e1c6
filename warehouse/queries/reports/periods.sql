-- One row per reporting period of a school, the year period last. Params: $school.
select period_id, name, kind, strftime(starts_on, '%Y-%m-%d') as starts_on, strftime(ends_on, '%Y-%m-%d') as ends_on
from raw.periods
where school_id = $school
order by kind = 'year', starts_on, period_id
