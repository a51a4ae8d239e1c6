-- Schools the caller may see, with their district: the district page and the school picker.
select school_id as id, school_name as name, district_id, district_name, timezone
from raw.schools
where ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], school_id))
  and ($district::varchar is null or district_id = $district)
order by school_name
