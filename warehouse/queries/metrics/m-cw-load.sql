-- M-CW-LOAD findings (marts.m_cw_load): one row per class day with several works, class × subject over 10%
-- of its hours, work on a first/last lesson, grade × subject works closer than 2.5 weeks. A check of the
-- year's schedule of control works (planned ones included), so no as-of date applies.
select school_id, class_id, grade, condition, subject_id, date::varchar as date, control_work_ids, works, limit_value
from marts.m_cw_load m
where ($school::varchar is null or m.school_id = $school)
  and ($class::varchar is null or m.class_id = $class or (m.class_id is null and m.grade = (
    select c.grade from staging.classes c where c.school_id = m.school_id and c.class_id = $class)))
  and ($subject::varchar is null or m.subject_id = $subject)
  and ($period::varchar is null or m.date is null or exists (
    select 1 from staging.periods p
    where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
  and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
  and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
order by school_id, condition, class_id nulls first, grade, subject_id, date
