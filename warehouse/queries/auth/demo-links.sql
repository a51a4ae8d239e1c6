-- one record per role for the demo accounts of the first school: its director, deputy and admin staff
-- (null when the school has none), the class teacher of its first class, a subject teacher who leads
-- no class (else any), the first guardian and that guardian's child (else the first student)
with s as (select school_id, district_id from raw.schools order by school_id limit 1),
first_class as (select c.class_id, c.class_teacher_id from raw.classes c, s where c.school_id = s.school_id order by c.class_id limit 1),
teacher as (
  select g.teacher_id from raw.groups g, s where g.school_id = s.school_id
  order by g.teacher_id in (select class_teacher_id from raw.classes c where c.school_id = s.school_id), g.teacher_id limit 1
),
guardian as (select gu.guardian_id, gu.student_id from raw.guardians gu, s where gu.school_id = s.school_id order by gu.guardian_id, gu.student_id limit 1),
staff_of as (select st.staff_id, st.position from raw.staff st, s where st.school_id = s.school_id)
select s.school_id, s.district_id,
  (select min(staff_id) from staff_of where position = 'director') as director_id,
  (select min(staff_id) from staff_of where position = 'deputy') as deputy_id,
  (select min(staff_id) from staff_of where position = 'admin') as admin_id,
  (select class_teacher_id from first_class) as class_teacher_id,
  (select teacher_id from teacher) as teacher_id,
  (select guardian_id from guardian) as guardian_id,
  coalesce((select student_id from guardian), (select min(st.student_id) from raw.students st where st.school_id = s.school_id)) as student_id
from s
