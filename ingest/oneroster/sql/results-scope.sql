-- the school that the passes over results.csv (or_source) map against, as ENUM types (a cast is a
-- hash lookup that keeps the file order, where a join would not): its graded lineItems (or_lesson, in
-- the order of $items, so its codes index $work_types and $teachers), students, staff, and every
-- lineItem of the export. or_kind() sorts each result (see map-oneroster-gradebook.ts): `skip`
-- (status tobedeleted/inactive), `other` (another school's lineItem: skipped silently), `clean` (every
-- check surely passes), else `unsure` (the JS mapper decides: errors, odd values, spaces around values)
create or replace temp table or_lessons as select unnest($items) as id;
create or replace temp table or_students as select unnest($students) as id;
create or replace temp table or_staff as select unnest($staff) as id;
create or replace temp table or_items as select unnest($all_items) as id;
drop type if exists or_lesson;
drop type if exists or_student;
drop type if exists or_staff_id;
drop type if exists or_any_item;
create type or_lesson as enum (select id from or_lessons order by rowid);
create type or_student as enum (select id from or_students);
create type or_staff_id as enum (select id from or_staff);
create type or_any_item as enum (select id from or_items);
create or replace temp macro or_kind(status_kind, row_ok, item, student) as case
  when status_kind in ('tobedeleted', 'inactive') then 'skip'
  when status_kind = 'unsure' then 'unsure'
  when try_cast(item as or_lesson) is null and try_cast(item as or_any_item) is not null then 'other'
  when try_cast(item as or_lesson) is not null and row_ok and try_cast(student as or_student) is not null then 'clean'
  else 'unsure'
end
