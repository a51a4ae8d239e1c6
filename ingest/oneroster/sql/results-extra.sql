-- the marks the JS mapper accepted among the results SQL could not vouch for
create or replace temp table or_extra as select unnest($rid) as rid, unnest($mark_id) as mark_id, unnest($lesson_id) as lesson_id,
  unnest($student_id) as student_id, unnest($value) as value, unnest($work_type) as work_type, unnest($entered_at) as entered_at,
  unnest($entered_by) as entered_by, unnest($comment) as comment
