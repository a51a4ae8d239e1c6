-- One row per student of a class on $date (or any time in the period): name, absences and marks of 2
-- (or below the pass mark) in the period, guardians, consents and the last acknowledgement.
with p as (
  select starts_on, least(ends_on, coalesce($as_of::date, ends_on)) as ends_on from raw.periods where school_id = $school and period_id = $period
),
students as (
  select distinct e.student_id from raw.enrollments e, p
  where e.school_id = $school and e.class_id = $class and e.from_date <= p.ends_on and coalesce(e.to_date, date '9999-12-31') >= p.ends_on
),
absences as (
  select a.student_id, count(*) filter (where a.status <> 'late')::integer as missed
  from raw.attendance a join raw.lessons l on l.school_id = a.school_id and l.lesson_id = a.lesson_id, p
  where a.school_id = $school and l.date between p.starts_on and p.ends_on group by 1
),
unsat as (
  select m.student_id, count(*)::integer as n from raw.marks m join raw.lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id, p
  where m.school_id = $school and l.date between p.starts_on and p.ends_on and try_cast(m.value as integer) <= 2 group by 1
),
parents as (
  select g.student_id, count(*)::integer as guardians, count(*) filter (where g.consent = 'given')::integer as consents,
    count(*) filter (where g.consent = 'refused')::integer as refusals,
    max(a.acknowledged_at) as last_ack
  from raw.guardians g left join raw.parent_acks a on a.school_id = g.school_id and a.guardian_id = g.guardian_id and a.student_id = g.student_id
  where g.school_id = $school group by 1
)
select s.student_id as id, st.full_name as name, coalesce(a.missed, 0) as missed, coalesce(u.n, 0) as unsat,
  coalesce(pa.guardians, 0) as guardians, coalesce(pa.consents, 0) as consents, coalesce(pa.refusals, 0) as refusals,
  strftime(pa.last_ack, '%Y-%m-%d') as "lastAck"
from students s
join raw.students st on st.school_id = $school and st.student_id = s.student_id
left join absences a on a.student_id = s.student_id
left join unsat u on u.student_id = s.student_id
left join parents pa on pa.student_id = s.student_id
order by name, id
