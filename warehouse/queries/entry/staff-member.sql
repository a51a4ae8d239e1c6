select staff_id from raw.staff where school_id = $school_id and staff_id = $staff_id
