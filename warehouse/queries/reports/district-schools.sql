-- One row per school of a district, in name order (F-DISTRICT). Params: $district.
select school_id, school_name, district_name, timezone, academic_year
from raw.schools
where district_id = $district
order by school_name, school_id
