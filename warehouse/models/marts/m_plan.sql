-- marts.m_plan: one row per class × subject × group teaching it (M-PLAN, curriculum execution): the
-- class's curriculum hours per year (учебный план, rows without student_id; null when the subject is
-- taught without a plan line), the class's profile, and the days of the group's due lessons. A stream
-- counts for every class its members were in; parallel groups (subgroups) each teach the whole plan, so
-- the query takes the largest count among them.
with curriculum as (
  select * from staging.curriculum where student_id is null
),
classes as (
  select * from staging.classes
),
groups as (
  select * from staging.groups where kind <> 'club'
),
lessons as (
  select * from core.lessons where is_due
),
group_spans as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
group_classes as (
  select school_id, group_id, subject_id, class_id from groups where class_id is not null
  union
  select distinct gs.school_id, gs.group_id, gs.subject_id, cs.class_id
  from group_spans gs
  join class_spans cs on cs.school_id = gs.school_id and cs.student_id = gs.student_id
   and cs.from_date <= gs.until_date and gs.from_date <= cs.until_date
  where gs.class_id is null and gs.group_kind <> 'club'
),
lesson_days as (
  select school_id, group_id, list_sort(list(date)) as lesson_days from lessons group by all
),
pairs as (
  select school_id, class_id, subject_id from curriculum
  union
  select school_id, class_id, subject_id from group_classes
),
final as (
  select p.school_id, p.class_id, c.grade, c.profile, p.subject_id, cu.hours_per_year as planned_hours, gc.group_id,
         coalesce(ld.lesson_days, []::date[]) as lesson_days
  from pairs p
  join classes c on c.school_id = p.school_id and c.class_id = p.class_id
  left join curriculum cu on cu.school_id = p.school_id and cu.class_id = p.class_id and cu.subject_id = p.subject_id
  left join group_classes gc on gc.school_id = p.school_id and gc.class_id = p.class_id and gc.subject_id = p.subject_id
  left join lesson_days ld on ld.school_id = gc.school_id and ld.group_id = gc.group_id
)
select * from final
