-- Class teacher's grid: one row per student of the class on the period's end (or $as_of) × subject,
-- the mean of numeric current marks in the period weighted by `weight` (M-AVG, current marks).
with p as (
  select starts_on, least(ends_on, coalesce($as_of::date, ends_on)) as ends_on from raw.periods where school_id = $school and period_id = $period
),
students as (
  select e.student_id from raw.enrollments e, p
  where e.school_id = $school and e.class_id = $class and e.from_date <= p.ends_on and coalesce(e.to_date, date '9999-12-31') >= p.ends_on
),
marks as (
  select m.student_id, g.subject_id, try_cast(m.value as double) as v, coalesce(m.weight, 1) as w
  from raw.marks m
  join raw.lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
  join raw.groups g on g.school_id = l.school_id and g.group_id = l.group_id, p
  where m.school_id = $school and m.student_id in (select student_id from students) and l.date between p.starts_on and p.ends_on
)
select s.student_id as "studentId", st.full_name as "studentName", m.subject_id as "subjectId", sub.name as "subjectName",
  sum(m.v * m.w) / nullif(sum(case when m.v is not null then m.w end), 0) as average, count(m.v)::integer as marks
from students s
join raw.students st on st.school_id = $school and st.student_id = s.student_id
left join marks m on m.student_id = s.student_id
left join raw.subjects sub on sub.school_id = $school and sub.subject_id = m.subject_id
group by all
order by "studentName", "studentId", "subjectName"
