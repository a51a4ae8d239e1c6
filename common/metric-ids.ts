// Every rule (R-*) and metric (M-*) of ../shared/spec/compliance-rules.md with the columns its query
// answers with. The api, CLI, dashboard and reports refer to these ids only.

export const ruleIds = [
  'R-MARK-DAY', 'R-HOMEWORK', 'R-ATTENDANCE', 'R-TOPIC', 'R-SUBSTITUTION', 'R-CONTROL-WORK',
  'R-WRITTEN-WORK', 'R-PERIOD-FINAL', 'R-FINALS-LOCK', 'R-SETUP', 'R-ARCHIVE',
] as const;
export type RuleId = (typeof ruleIds)[number];

export const metricIds = [
  'M-FILL', 'M-TIMELY', 'M-COMPLETE', 'M-COVERAGE', 'M-PASS', 'M-QUALITY', 'M-SOU', 'M-AVG', 'M-MISSED',
  'M-UNSAT', 'M-VSHK', 'M-SUBST', 'M-HW-LOAD', 'M-CW-LOAD', 'M-PARENTS', 'M-PLAN',
] as const;
export type MetricId = (typeof metricIds)[number];
export type QueryId = RuleId | MetricId;

export const isQueryId = (id: string): id is QueryId =>
  (ruleIds as readonly string[]).includes(id) || (metricIds as readonly string[]).includes(id);

export const breachColumns = [
  'rule_id', 'school_id', 'teacher_id', 'class_id', 'group_id', 'subject_id', 'record_kind', 'record_id',
  'student_id', 'due_at', 'entered_at', 'late_minutes',
] as const;

const passColumns = [
  'school_id', 'class_id', 'subject_id', 'period_id', 'students', 'passed', 'pass_rate', 'quality_rate', 'sou', 'avg_mark',
] as const;

/** Columns fixed by the spec ("Query output"); metrics not listed there define theirs in their mart. */
export const specColumns: Partial<Record<QueryId, readonly string[]>> = {
  'M-PASS': passColumns,
  'M-QUALITY': passColumns,
  'M-SOU': passColumns,
  'M-AVG': passColumns,
  'M-FILL': ['school_id', 'student_id', 'group_id', 'subject_id', 'period_id', 'marks', 'required', 'reached'],
  'M-COVERAGE': ['school_id', 'class_id', 'group_id', 'subject_id', 'as_of', 'planned_hours', 'held_lessons', 'coverage', 'topics_due', 'topics_done', 'missed_topic_ids'],
  'M-MISSED': ['school_id', 'student_id', 'lesson_id', 'date', 'subject_id', 'topic_id', 'topic_text', 'status', 'made_up'],
  'M-UNSAT': ['school_id', 'student_id', 'lesson_id', 'date', 'subject_id', 'topic_id', 'topic_text', 'value'],
};
for (const id of ruleIds) specColumns[id] = breachColumns;

/** Filters every query accepts (spec: "reported for the school, a class, a group, a teacher, …"). */
export interface QueryFilters {
  school?: string;
  class?: string;
  group?: string;
  teacher?: string;
  subject?: string;
  period?: string;
  student?: string;
  /** YYYY-MM-DD; default today, or the year's end for a finished year */
  asOf?: string;
  /** grain of M-PASS family: subject (default), student, class */
  by?: string;
}
