-- marts.m_parents: one row per student × class span × guardian (M-PARENTS, informing parents; a student
-- without guardians has one row with guardian_id null): the guardian's consent (given / refused /
-- not recorded) and the day it was recorded, the channel (`paper` = receives paper extracts) and the days
-- the guardian acknowledged the diary. The query counts per class on its as-of date.
with class_spans as (
  select * from core.memberships_class
),
guardians as (
  select * from staging.guardians
),
acks as (
  select * from staging.parent_acks
),
schools as (
  select * from staging.schools
),
ack_days as (
  select a.school_id, a.guardian_id, a.student_id,
         list_sort(list(distinct ((a.acknowledged_at - interval 1 microsecond) at time zone s.timezone)::date)) as ack_days
  from acks a
  join schools s on s.school_id = a.school_id
  group by all
),
final as (
  select c.school_id, c.class_id, c.student_id, c.from_date, c.until_date, g.guardian_id, g.consent,
         ((g.consent_recorded_at - interval 1 microsecond) at time zone s.timezone)::date as consent_on,
         g.channel, coalesce(a.ack_days, []::date[]) as ack_days
  from class_spans c
  join schools s on s.school_id = c.school_id
  left join guardians g on g.school_id = c.school_id and g.student_id = c.student_id
  left join ack_days a on a.school_id = g.school_id and a.guardian_id = g.guardian_id and a.student_id = g.student_id
)
select * from final
