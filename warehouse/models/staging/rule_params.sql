-- staging.rule_params: one row per school being built × rule parameter value and its start date:
-- the defaults (school_id '*' in config.rule_params) copied to every school, tagged prio 0, and the
-- school's own rows, prio 1. core.rule_params resolves them into validity intervals.
with scope as (
  select school_id from build_scope
),
defaults as (
  select s.school_id, p.rule_id, p.param, p.value, p.effective_from, 0 as prio
  from config.rule_params p
  cross join scope s
  where p.school_id = '*'
),
own as (
  select p.school_id, p.rule_id, p.param, p.value, p.effective_from, 1 as prio
  from config.rule_params p
  where p.school_id in (select school_id from scope)
),
final as (
  select * from defaults
  union all
  select * from own
)
select * from final
