select list(group_id order by group_id) as groups from raw.groups
where $all_schools or school_id in (select unnest(from_json($schools, '["VARCHAR"]')))
