-- marks.csv rows of one school when the JS mapper accepted some results (or_extra): merged in file order
select nullif(mark_id, '') as mark_id, nullif(lesson_id, '') as lesson_id, nullif(student_id, '') as student_id, nullif(value, '') as value,
  nullif(work_type, '') as work_type, null as weight, nullif(entered_at, '') as entered_at, nullif(entered_by, '') as entered_by,
  null as makeup, nullif(comment, '') as comment
from (
  select rid, sourcedId as mark_id, lineItemSourcedId as lesson_id, studentSourcedId as student_id, raw_value as value,
    $work_types[enum_code(try_cast(lineItemSourcedId as or_lesson)) + 1] as work_type, replace(dateLastModified, ' ', 'T') as entered_at,
    case when try_cast(ext_svodka_enteredBy as or_staff_id) is not null then ext_svodka_enteredBy
      else $teachers[enum_code(try_cast(lineItemSourcedId as or_lesson)) + 1] end as entered_by, comment
  from or_source where or_kind(status_kind, row_ok, lineItemSourcedId, studentSourcedId) = 'clean'
  union all
  select rid, mark_id, lesson_id, student_id, value, work_type, entered_at, entered_by, comment from or_extra
) order by rid
