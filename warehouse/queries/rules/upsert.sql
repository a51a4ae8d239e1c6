-- A school's (or the default '*') value of a parameter from a date on; the same date again replaces it.
insert or replace into config.rule_params (school_id, rule_id, param, value, effective_from, set_at, set_by)
values ($school, $rule, $param, $value, $effective_from::date, now(), $set_by)
