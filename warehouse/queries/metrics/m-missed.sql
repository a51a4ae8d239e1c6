-- M-MISSED: missed lessons (absent, sick, excused) with their topics and whether a makeup mark
-- credited them by then as of $as_of; one row per record known by the end of that day.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_missed m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($student::varchar is null or m.student_id = $student)
    and ($period::varchar is null or exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
    and ($allowed_students::varchar[] is null or list_contains($allowed_students::varchar[], m.student_id))
)
select
  x.school_id, x.student_id, x.lesson_id, x.date::varchar as date, x.subject_id, x.topic_id, x.topic_text, x.status,
  coalesce(x.made_up_at <= x.as_of_end, false) as made_up, x.class_id, x.group_id, x.teacher_id
from scoped x
where x.date <= x.as_of and x.known_at <= x.as_of_end
order by x.school_id, x.student_id, x.date, x.lesson_id
