-- marts.m_coverage: one row per group (M-COVERAGE, program coverage): the curriculum's hours per year for
-- the group's class and subject (a stream: the largest among its members' classes), the days of its due
-- lessons, and its КТП topics with the first day a due lesson covered each. The query prorates the
-- hours to its as-of date by school days and lists the topics due but not covered.
with groups as (
  select * from staging.groups
),
curriculum as (
  select * from staging.curriculum where student_id is null
),
lessons as (
  select * from core.lessons
),
ktp as (
  select * from staging.ktp
),
group_spans as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
stream_hours as (
  select gs.school_id, gs.group_id, max(cu.hours_per_year) as hours_per_year
  from group_spans gs
  join class_spans cs on cs.school_id = gs.school_id and cs.student_id = gs.student_id
   and cs.from_date <= gs.until_date and gs.from_date <= cs.until_date
  join curriculum cu on cu.school_id = gs.school_id and cu.class_id = cs.class_id and cu.subject_id = gs.subject_id
  where gs.class_id is null
  group by all
),
lesson_days as (
  select school_id, group_id, list_sort(list(date)) as lesson_days
  from lessons where is_due group by all
),
covered as (
  select school_id, group_id, topic_id, min(date) as covered_on
  from lessons where is_due and topic_id is not null group by all
),
topics as (
  select k.school_id, k.group_id,
         list_sort(list({'seq': k.seq, 'topic_id': k.topic_id, 'planned_date': k.planned_date, 'covered_on': c.covered_on})) as topics
  from ktp k
  left join covered c on c.school_id = k.school_id and c.group_id = k.group_id and c.topic_id = k.topic_id
  group by all
),
final as (
  select g.school_id, g.class_id, g.group_id, g.subject_id, g.teacher_id, g.kind as group_kind,
         coalesce(cu.hours_per_year, sh.hours_per_year) as hours_per_year,
         coalesce(ld.lesson_days, []::date[]) as lesson_days,
         t.topics
  from groups g
  left join curriculum cu on cu.school_id = g.school_id and cu.class_id = g.class_id and cu.subject_id = g.subject_id
  left join stream_hours sh on sh.school_id = g.school_id and sh.group_id = g.group_id
  left join lesson_days ld on ld.school_id = g.school_id and ld.group_id = g.group_id
  left join topics t on t.school_id = g.school_id and t.group_id = g.group_id
  where g.kind <> 'club'
)
select * from final
