-- One row: the school's heading data for a form (name, zone, year, director). Params: $school.
select
  s.school_id, s.school_name, s.district_id, s.district_name, s.timezone, s.academic_year,
  strftime(s.year_starts_on, '%Y-%m-%d') as year_starts_on, strftime(s.year_ends_on, '%Y-%m-%d') as year_ends_on,
  coalesce(s.mark_scale, 'five_point') as mark_scale,
  (select full_name from raw.staff d where d.school_id = s.school_id and d.position = 'director' order by staff_id limit 1) as director_name
from raw.schools s
where s.school_id = $school
