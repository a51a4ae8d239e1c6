-- core.rule_params: one row per school × rule × param × validity interval [valid_from, valid_to).
-- Rule parameters for every R-* rule and M-* metric: on a date D the school's own row with the latest
-- effective_from <= D wins, else the default's. Marts join on their record's date, so a change applies
-- from its date on and never rewrites the past.
with params as (
  select * from staging.rule_params
),
points as (
  select distinct school_id, rule_id, param, effective_from from params
),
resolved as (
  select
    pt.school_id, pt.rule_id, pt.param, pt.effective_from as valid_from,
    arg_max(p.value, p.prio * 1000000 + (p.effective_from - date '1900-01-01')) as value
  from points pt
  join params p
    on p.school_id = pt.school_id and p.rule_id = pt.rule_id and p.param = pt.param
   and p.effective_from <= pt.effective_from
  group by all
),
final as (
  select
    school_id, rule_id, param, value, valid_from,
    coalesce(lead(valid_from) over (partition by school_id, rule_id, param order by valid_from), date '9999-12-31') as valid_to
  from resolved
)
select * from final
