-- marts.r_finals_lock: one row per change of a mark or final after that student's final for the subject
-- and period was entered, by an actor not exempt (R-FINALS-LOCK): staff whose position is in
-- `exempt_positions` (default admin) and administrator accounts are. Changes come from the bundle's
-- changes.csv and from the audit log of native entries. A final's own first entry (no old value) is no
-- change. due_at = the lock (the final's first known entry), entered_at = the change. A mark in two
-- periods (quarter and year) counts once, for the period ending first.
with changes as (
  select school_id, changed_at, actor_id, null::varchar as actor_role, action, entity, entity_id, field, old_value,
         new_value, null::varchar as student_id, null::varchar as lesson_id
  from staging.changes where entity in ('mark', 'final_mark')
  union all
  select * from staging.audit_changes
),
staff as (
  select * from staging.staff
),
marks as (
  select * from staging.marks
),
lessons as (
  select * from core.lessons
),
periods as (
  select * from staging.periods
),
class_spans as (
  select * from core.memberships_class
),
params as (
  select * from core.rule_params where rule_id = 'R-FINALS-LOCK' and param = 'exempt_positions'
),
finals as (
  select * from staging.final_marks where value is not null and entered_at is not null
),
locks as (
  select
    f.school_id, f.student_id, f.subject_id, f.period_id, f.group_id,
    least(any_value(f.entered_at), min(c.changed_at)) as locked_at
  from finals f
  left join changes c on c.school_id = f.school_id and c.entity = 'final_mark'
   and c.entity_id = f.student_id || ':' || f.subject_id || ':' || f.period_id
  group by f.school_id, f.student_id, f.subject_id, f.period_id, f.group_id
),
targets as (
  select c.* exclude (student_id, lesson_id), coalesce(c.student_id, m.student_id) as student_id, l.subject_id, l.group_id,
         l.date as mark_date, null::varchar as period_id, c.entity_id as record_id, 'mark' as record_kind
  from changes c
  left join marks m on m.school_id = c.school_id and m.mark_id = c.entity_id
  join lessons l on l.school_id = c.school_id and l.lesson_id = coalesce(c.lesson_id, m.lesson_id)
  where c.entity = 'mark'
  union all
  select c.* exclude (student_id, lesson_id), split_part(c.entity_id, ':', 1), split_part(c.entity_id, ':', 2), null, null,
         split_part(c.entity_id, ':', 3), c.entity_id, 'final_mark'
  from changes c
  where c.entity = 'final_mark' and c.action <> 'create' and c.old_value is not null
),
locked as (
  select t.*, k.locked_at, k.period_id as locked_period_id, coalesce(t.group_id, k.group_id) as any_group_id, p.ends_on
  from targets t
  join periods p on p.school_id = t.school_id
   and (p.period_id = t.period_id or (t.period_id is null and t.mark_date between p.starts_on and p.ends_on))
  join locks k on k.school_id = t.school_id and k.student_id = t.student_id and k.subject_id = t.subject_id
   and k.period_id = p.period_id and k.locked_at < t.changed_at
  qualify row_number() over (partition by t.school_id, t.changed_at, t.actor_id, t.entity, t.entity_id, t.action,
                                          t.field, t.old_value, t.new_value order by p.ends_on, p.period_id) = 1
),
offending as (
  select l.*
  from locked l
  left join staff s on s.school_id = l.school_id and s.staff_id = l.actor_id
  join params p on p.school_id = l.school_id and l.changed_at::date >= p.valid_from and l.changed_at::date < p.valid_to
  where coalesce(l.actor_role, '') <> 'admin'
    and (s.position is null or not list_contains(string_split(p.value, ','), s.position))
),
final as (
  select
    'R-FINALS-LOCK' as rule_id, o.school_id, o.actor_id as teacher_id, ce.class_id, o.any_group_id as group_id,
    o.subject_id, o.record_kind, o.record_id, o.student_id, o.locked_at as due_at, o.changed_at as entered_at,
    null::timestamptz as opens_at, o.ends_on as ref_date, sc.timezone, o.locked_period_id as period_id
  from offending o
  join staging.schools sc on sc.school_id = o.school_id
  left join class_spans ce on ce.school_id = o.school_id and ce.student_id = o.student_id
   and o.ends_on between ce.from_date and ce.until_date
  qualify row_number() over (partition by o.school_id, o.changed_at, o.actor_id, o.entity, o.entity_id, o.action,
                                          o.field, o.old_value, o.new_value order by ce.from_date desc nulls last) = 1
)
select * from final
