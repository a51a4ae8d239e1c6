-- staging.audit_changes: one row per native-entry change of a mark or a final mark (raw.audit_log), shaped
-- like staging.changes, with the actor's staff id and account role (app.users) and the mark's student and
-- lesson from its snapshot (after, or before for a deletion). For R-FINALS-LOCK. Limited to the build's schools.
with source as (
  select * from raw.audit_log
  where school_id in (select school_id from build_scope) and entity in ('mark', 'final_mark')
),
users as (
  select login, role, staff_id from app.users
),
final as (
  select
    a.school_id,
    a.occurred_at as changed_at,
    coalesce(u.staff_id, a.actor) as actor_id,
    u.role as actor_role,
    a.action,
    a.entity,
    a.entity_id,
    'value' as field,
    json_extract_string(a.before, '$.value') as old_value,
    json_extract_string(a.after, '$.value') as new_value,
    coalesce(json_extract_string(a.after, '$.student_id'), json_extract_string(a.before, '$.student_id')) as student_id,
    coalesce(json_extract_string(a.after, '$.lesson_id'), json_extract_string(a.before, '$.lesson_id')) as lesson_id
  from source a
  left join users u on u.login = a.actor
)
select * from final
