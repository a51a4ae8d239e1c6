select guardian_id from raw.guardians where school_id = $school_id and guardian_id = $guardian_id and student_id = $student_id
