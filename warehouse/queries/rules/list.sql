-- Parameter values: the defaults ('*') and, for $school (null = every school), the school's own rows.
select school_id, rule_id, param, value, effective_from::varchar as effective_from, set_by, set_at::varchar as set_at
from config.rule_params
where (school_id = '*' or $school::varchar is null or school_id = $school)
  and ($rule::varchar is null or rule_id = $rule)
order by rule_id, param, school_id = '*' desc, school_id, effective_from
