-- core.school_days: one row per school × calendar day of its academic year (the school calendar).
-- A school day is a weekday outside holidays, or any day with a due lesson. `day_end_at` = 00:00 local
-- of the next day (the spec's "end of the day"), in the school's zone.
with schools as (
  select * from staging.schools
),
holidays as (
  select * from staging.holidays
),
lessons as (
  select school_id, date from staging.lessons where status in ('held', 'planned') group by all
),
days as (
  select s.school_id, s.timezone, d::date as date
  from schools s, generate_series(s.year_starts_on::timestamp, s.year_ends_on::timestamp, interval 1 day) t(d)
),
with_holiday as (
  select
    d.school_id, d.date, d.timezone, isodow(d.date) as dow, isodow(d.date) >= 6 as is_weekend,
    min(h.holiday_id) as holiday_id
  from days d
  left join holidays h on h.school_id = d.school_id and d.date between h.starts_on and h.ends_on
  group by d.school_id, d.date, d.timezone
),
final as (
  select
    w.school_id, w.date, w.dow, w.is_weekend, w.holiday_id,
    l.date is not null as has_lessons,
    (not w.is_weekend and w.holiday_id is null) or l.date is not null as is_school_day,
    local_midnight(w.date, w.timezone) as day_start_at,
    local_midnight(w.date + 1, w.timezone) as day_end_at
  from with_holiday w
  left join lessons l on l.school_id = w.school_id and l.date = w.date
)
select * from final
