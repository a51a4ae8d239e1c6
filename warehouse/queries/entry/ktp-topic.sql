select topic_id from raw.ktp where school_id = $school_id and group_id = $group_id and topic_id = $topic_id
