-- Rule and metric parameters as data (DESIGN.md "Rules are data"). school_id '*' holds the defaults of
-- the regulation / the spec; a school's own row from `effective_from` on overrides it from that date.
-- Also: iso_local(ts, tz), the spec's "instants are ISO 8601 with offset" in the school's zone.
create schema if not exists config;

create table config.rule_param_defs (
  rule_id varchar not null, param varchar not null,
  value_type varchar not null check (value_type in ('int', 'bool', 'month_day', 'enum', 'list')),
  min_value integer, max_value integer, allowed varchar[], description varchar not null,
  primary key (rule_id, param)
);

create table config.rule_params (
  school_id varchar not null, rule_id varchar not null, param varchar not null, value varchar not null,
  effective_from date not null, set_at timestamptz, set_by varchar,
  primary key (school_id, rule_id, param, effective_from)
);

insert into config.rule_param_defs values
  ('R-MARK-DAY', 'days_after', 'int', 0, 30, null, 'дней после дня урока'),
  ('R-HOMEWORK', 'minutes_after_last_lesson', 'int', 0, 1440, null, 'минут после последнего урока класса'),
  ('R-ATTENDANCE', 'days_after', 'int', 0, 30, null, 'дней после дня урока'),
  ('R-TOPIC', 'days_after', 'int', 0, 30, null, 'дней после дня урока'),
  ('R-CONTROL-WORK', 'days_after', 'int', 0, 60, null, 'календарных дней после дня проведения'),
  ('R-WRITTEN-WORK', 'days_after', 'int', 0, 60, null, 'календарных дней после дня проведения'),
  ('R-PERIOD-FINAL', 'window_days', 'int', 1, 60, null, 'последних дней периода для итоговых отметок'),
  ('R-FINALS-LOCK', 'exempt_positions', 'list', null, null, ['director', 'deputy', 'teacher', 'admin', 'other'], 'должности, которым разрешено исправление'),
  ('R-SETUP', 'due_month_day', 'month_day', null, null, null, 'срок настройки года (ММ-ДД)'),
  ('R-ARCHIVE', 'due_month_day', 'month_day', null, null, null, 'срок архивирования (ММ-ДД)'),
  ('R-ARCHIVE', 'paper_copy', 'bool', null, null, null, 'дублировать на бумаге'),
  ('M-PASS', 'denominator', 'enum', null, null, ['enrolled', 'graded'], 'знаменатель успеваемости'),
  ('M-PASS', 'pass_from', 'int', 1, 10, null, 'успевает от (десятибалльная шкала)'),
  ('M-PASS', 'quality_from', 'int', 1, 10, null, 'качество от (десятибалльная шкала)'),
  ('M-COMPLETE', 'homework_from_grade', 'int', 1, 11, null, 'домашнее задание с класса'),
  ('M-FILL', 'min_quarter', 'int', 0, 100, null, 'минимум отметок за четверть'),
  ('M-FILL', 'min_trimester', 'int', 0, 100, null, 'минимум отметок за триместр'),
  ('M-FILL', 'min_half_year', 'int', 0, 100, null, 'минимум отметок за полугодие'),
  ('M-FILL', 'min_module', 'int', 0, 100, null, 'минимум отметок за модуль');

insert into config.rule_params (school_id, rule_id, param, value, effective_from, set_by) values
  ('*', 'R-MARK-DAY', 'days_after', '0', date '1900-01-01', 'regulation'),
  ('*', 'R-HOMEWORK', 'minutes_after_last_lesson', '90', date '1900-01-01', 'regulation'),
  ('*', 'R-ATTENDANCE', 'days_after', '0', date '1900-01-01', 'regulation'),
  ('*', 'R-TOPIC', 'days_after', '0', date '1900-01-01', 'regulation'),
  ('*', 'R-CONTROL-WORK', 'days_after', '3', date '1900-01-01', 'regulation'),
  ('*', 'R-WRITTEN-WORK', 'days_after', '7', date '1900-01-01', 'regulation'),
  ('*', 'R-PERIOD-FINAL', 'window_days', '7', date '1900-01-01', 'regulation'),
  ('*', 'R-FINALS-LOCK', 'exempt_positions', 'admin', date '1900-01-01', 'regulation'),
  ('*', 'R-SETUP', 'due_month_day', '09-05', date '1900-01-01', 'regulation'),
  ('*', 'R-ARCHIVE', 'due_month_day', '06-30', date '1900-01-01', 'regulation'),
  ('*', 'R-ARCHIVE', 'paper_copy', 'false', date '1900-01-01', 'regulation'),
  ('*', 'M-PASS', 'denominator', 'enrolled', date '1900-01-01', 'regulation'),
  ('*', 'M-PASS', 'pass_from', '4', date '1900-01-01', 'spec'),
  ('*', 'M-PASS', 'quality_from', '7', date '1900-01-01', 'spec'),
  ('*', 'M-COMPLETE', 'homework_from_grade', '2', date '1900-01-01', 'spec'),
  ('*', 'M-FILL', 'min_quarter', '3', date '1900-01-01', 'spec'),
  ('*', 'M-FILL', 'min_trimester', '3', date '1900-01-01', 'spec'),
  ('*', 'M-FILL', 'min_half_year', '5', date '1900-01-01', 'spec'),
  ('*', 'M-FILL', 'min_module', '3', date '1900-01-01', 'spec');

-- 2025-09-11T00:00:00+05:00 for an instant and an IANA zone; null stays null.
create macro iso_local(ts, tz) as
  case when ts is null then null else
    strftime(timezone(tz, ts), '%Y-%m-%dT%H:%M:%S')
    || case when (epoch(timezone(tz, ts)) - epoch(ts)) < 0 then '-' else '+' end
    || lpad((abs(epoch(timezone(tz, ts)) - epoch(ts))::bigint // 3600)::varchar, 2, '0') || ':'
    || lpad(((abs(epoch(timezone(tz, ts)) - epoch(ts))::bigint % 3600) // 60)::varchar, 2, '0')
  end;

-- Local midnight that starts day d in zone tz, as an instant ("the end of day d-1").
create macro local_midnight(d, tz) as timezone(tz, d::timestamp);

-- Whole minutes from a to b, rounded up (spec: late_minutes).
create macro ceil_minutes(a, b) as ceil((epoch(b) - epoch(a)) / 60.0)::bigint;
