select period_id, name, starts_on::varchar as starts_on, ends_on::varchar as ends_on
from raw.periods where school_id = $school_id and period_id = $period_id
