-- One row per named thing of the schools asked for (students, staff, subjects, classes, groups, periods,
-- schools): turns ids of metric rows into names on paper. Params: $schools (VARCHAR[]).
select school_id, 'school' as kind, school_id as id, school_name as name from raw.schools where list_contains($schools, school_id)
union all select school_id, 'student', student_id, full_name from raw.students where list_contains($schools, school_id)
union all select school_id, 'teacher', staff_id, full_name from raw.staff where list_contains($schools, school_id)
union all select school_id, 'subject', subject_id, name from raw.subjects where list_contains($schools, school_id)
union all select school_id, 'class', class_id, grade::varchar || letter from raw.classes where list_contains($schools, school_id)
union all select school_id, 'group', group_id, name from raw.groups where list_contains($schools, school_id)
union all select school_id, 'period', period_id, name from raw.periods where list_contains($schools, school_id)
union all select school_id, 'period_order', period_id,
  (row_number() over (partition by school_id order by kind = 'year', ends_on, period_id))::varchar from raw.periods where list_contains($schools, school_id)
union all select school_id, 'topic', topic_id, title from raw.ktp where list_contains($schools, school_id)
union all select school_id, 'control_work', control_work_id, title from raw.control_works where list_contains($schools, school_id)
