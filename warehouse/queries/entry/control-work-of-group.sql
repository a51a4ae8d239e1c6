select control_work_id, group_id from raw.control_works where school_id = $school_id and control_work_id = $control_work_id
