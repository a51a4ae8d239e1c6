select distinct district_id from raw.schools
where district_id is not null and school_id in (select unnest(from_json($schools, '["VARCHAR"]')))
