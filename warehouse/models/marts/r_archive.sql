-- marts.r_archive: one row per form (F-JOURNAL, F-SUMMARY) × class of the school year (R-ARCHIVE): a
-- signed copy in the archive registry (raw.archive_entries) by the end of `due_month_day` (06-30) of the
-- year's last calendar year. Not due before then: as of year_ends_on there is no breach yet.
with schools as (
  select * from staging.schools
),
classes as (
  select * from staging.classes
),
entries as (
  select * from raw.archive_entries
  where school_id in (select school_id from build_scope) and signed
),
params as (
  select * from core.rule_params where rule_id = 'R-ARCHIVE' and param = 'due_month_day'
),
forms as (
  select * from (values ('F-JOURNAL'), ('F-SUMMARY')) t(form_id)
),
due as (
  select s.school_id, s.academic_year, s.timezone, s.year_ends_on, c.class_id, f.form_id,
    local_midnight(strptime(year(s.year_ends_on)::varchar || '-' || p.value, '%Y-%m-%d')::date + 1, s.timezone) as due_at
  from schools s
  join classes c on c.school_id = s.school_id
  cross join forms f
  join params p on p.school_id = s.school_id and s.year_ends_on >= p.valid_from and s.year_ends_on < p.valid_to
),
final as (
  select
    'R-ARCHIVE' as rule_id, d.school_id, null::varchar as teacher_id, d.class_id, null::varchar as group_id,
    null::varchar as subject_id, 'archive' as record_kind, d.form_id || ':' || d.class_id as record_id,
    null::varchar as student_id, d.due_at,
    e.archived_at as entered_at,
    null::timestamptz as opens_at, d.year_ends_on as ref_date, d.timezone, null::varchar as period_id
  from due d
  left join (
    select school_id, academic_year, form_id, class_id, min(archived_at) as archived_at from entries group by all
  ) e on e.school_id = d.school_id and e.academic_year = d.academic_year and e.form_id = d.form_id and e.class_id = d.class_id
)
select * from final
