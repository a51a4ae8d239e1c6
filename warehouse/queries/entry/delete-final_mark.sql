-- removes the rows of raw.final_marks (one row per student, subject and period) for the entity ids in $ids (json list)
delete from raw.final_marks
where school_id = $school_id and student_id || ':' || subject_id || ':' || period_id in (select unnest(from_json($ids, '["VARCHAR"]')))
