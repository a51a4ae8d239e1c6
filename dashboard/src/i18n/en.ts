// English; keys mirror ru.ts.
export default {
  app: { title: 'Svodka', subtitle: 'e-journal monitoring', logout: 'Log out', language: 'Language', menu: 'Sections' },
  state: {
    loading: 'Loading…', empty: 'No data for the chosen period.', retry: 'Retry',
    errorTitle: 'Could not load the data', saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes', saveError: 'Save failed',
  },
  login: { title: 'Sign in to Svodka', login: 'Login', password: 'Password', submit: 'Sign in', failed: 'Wrong login or password.' },
  nav: {
    director: 'Director', deputy: 'Deputy', classTeacher: 'Class teacher', teacher: 'Journal', diary: 'Diary',
    admin: 'Administration', district: 'District', imports: 'Imports', breaches: 'Breaches',
  },
  filters: { school: 'School', period: 'Period', class: 'Class', subject: 'Subject', teacher: 'Teacher', group: 'Group', asOf: 'As of', all: 'All', student: 'Student' },
  metric: {
    'M-TIMELY': 'Timeliness', 'M-COMPLETE': 'Completeness', 'M-FILL': 'Mark fill rate', 'M-COVERAGE': 'Program coverage',
    'M-PASS': 'Pass rate', 'M-QUALITY': 'Quality', 'M-SOU': 'Degree of learning', 'M-AVG': 'Average mark', breaches: 'Open breaches',
    'M-PLAN': 'Curriculum execution', 'M-VSHK': 'Internal control', 'M-CW-LOAD': 'Control-work load', 'M-PARENTS': 'Informing parents',
    'M-MISSED': 'Missed topics', 'M-UNSAT': 'Unsatisfactory marks', 'M-HW-LOAD': 'Homework load',
  },
  rule: {
    'R-MARK-DAY': 'Mark on the day', 'R-HOMEWORK': 'Homework', 'R-ATTENDANCE': 'Attendance', 'R-TOPIC': 'Lesson topic',
    'R-SUBSTITUTION': 'Substitution', 'R-CONTROL-WORK': 'Control-work marks (3 days)', 'R-WRITTEN-WORK': 'Written work (7 days)',
    'R-PERIOD-FINAL': 'Period finals', 'R-FINALS-LOCK': 'Edit after finals', 'R-SETUP': 'Year setup', 'R-ARCHIVE': 'Journal archive',
  },
  chart: { passQualityByClass: 'Pass and quality rates per class', pass: 'Pass rate, %', quality: 'Quality, %', heatmap: 'Breaches: teacher × rule' },
  table: {
    class: 'Class', students: 'Students', passRate: 'Pass, %', qualityRate: 'Quality, %', sou: 'SOU, %', avg: 'Average',
    teacher: 'Teacher', rule: 'Rule', record: 'Record', due: 'Due', entered: 'Entered', late: 'Late', missing: 'missing',
    count: 'Count', subject: 'Subject', group: 'Group', date: 'Date', student: 'Student', value: 'Value', export: 'Download CSV',
    topic: 'Topic', status: 'Status', minutes: 'min',
  },
  director: {
    title: 'Director: journal health', kpi: 'Key indicators', weekTrend: 'vs last week', breaches: 'Breaches',
    setup: 'Year readiness (by 5 September)', archive: 'Journal archive (by 30 June)', ok: 'OK', notReady: 'Not ready', drill: 'Records', noBreaches: 'No breaches.',
  },
  deputy: { title: 'Deputy: journal control', perTeacher: 'Completeness and timeliness per teacher', plan: 'Curriculum execution', vshk: 'Internal control and control works', topics: 'Missed topics and fails', forms: 'Official forms' },
  classTeacher: { title: 'Class teacher', grid: 'Averages: student × subject', parents: 'Parents: acknowledgement and consent', attendance: 'Absences', unsat: 'Unsatisfactory marks' },
  teacher: {
    title: 'Class journal', dueToday: 'Due today', myBreaches: 'My breaches', grid: 'Group journal', topic: 'Topic', homework: 'Homework',
    hwMinutes: 'Homework minutes', attendance: 'Attendance', save: 'Save lesson',
    keyboardHelp: 'Arrows move, a digit types a mark, Н marks absent, Delete clears, Enter moves down.', cellError: 'Cell error', chooseGroup: 'Choose a group',
  },
  diary: {
    title: 'Diary', timetable: 'Timetable', marks: 'Marks', homework: 'Homework', controlWorks: 'Control works', recommendations: 'Recommendations',
    teachers: 'Teachers', holidays: 'Holidays', acknowledge: 'I have read', acknowledged: 'Acknowledged', substitution: 'substitution', week: 'Week of', child: 'Child',
  },
  admin: { title: 'Administration', users: 'Users and roles', year: 'Year setup', audit: 'Audit log', rules: 'Rule parameters', compromised: 'Compromised accounts' },
  district: { title: 'District: schools side by side', school: 'School', open: 'Open school' },
  access: { denied: 'Access denied: this data is outside your permissions.' },
};
