-- marks.csv rows of one school: the clean results of or_source (results.csv read serially, so in file
-- order without a sort). '' is written as NULL so that the CSV holds empty cells, as the JS writer does
select nullif(sourcedId, '') as mark_id, nullif(lineItemSourcedId, '') as lesson_id, nullif(studentSourcedId, '') as student_id,
  nullif(raw_value, '') as value, nullif($work_types[enum_code(try_cast(lineItemSourcedId as or_lesson)) + 1], '') as work_type, null as weight,
  nullif(replace(dateLastModified, ' ', 'T'), '') as entered_at,
  nullif(case when try_cast(ext_svodka_enteredBy as or_staff_id) is not null then ext_svodka_enteredBy
    else $teachers[enum_code(try_cast(lineItemSourcedId as or_lesson)) + 1] end, '') as entered_by,
  null as makeup, nullif(comment, '') as comment
from or_source where or_kind(status_kind, row_ok, lineItemSourcedId, studentSourcedId) = 'clean'
