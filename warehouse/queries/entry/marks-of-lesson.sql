select mark_id from raw.marks where school_id = $school_id and lesson_id = $lesson_id
