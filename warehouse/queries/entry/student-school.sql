-- the school of a student among the schools the caller may see, with today's date in its zone
select st.school_id, (now() at time zone s.timezone)::date::varchar as today
from raw.students st join raw.schools s on s.school_id = st.school_id
where st.student_id = $student_id
  and ($all_schools or st.school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
order by st.school_id
limit 1
