-- Text renderings of the bundle's types for export (connection-local macros).
-- A timestamp in the school's local time with its offset: 2025-09-10T23:30:00+05:00.
create or replace temp macro bundle_ts(x, tz) as
  case when x is null then null else
    case when microsecond(x) % 1000000 = 0 then strftime(timezone(tz, x), '%Y-%m-%dT%H:%M:%S')
         else strftime(timezone(tz, x), '%Y-%m-%dT%H:%M:%S.%f') end
    || (with o as (select date_diff('minute', timezone('UTC', x), timezone(tz, x)) as m)
        select case when m < 0 then '-' else '+' end || lpad(cast(abs(m) // 60 as varchar), 2, '0') || ':' || lpad(cast(abs(m) % 60 as varchar), 2, '0') from o)
  end;
-- A number without a trailing .0: 68, 1.5.
create or replace temp macro bundle_num(x) as
  case when x is null then null when x = trunc(x) and abs(x) < 1e15 then cast(cast(x as bigint) as varchar) else cast(x as varchar) end;
create or replace temp macro bundle_bool(x) as case when x is null then null when x then 'true' else 'false' end;
