-- Known rule/metric parameters with their type and bounds (config.rule_param_defs).
select rule_id, param, value_type, min_value, max_value, allowed, description
from config.rule_param_defs
order by rule_id, param
