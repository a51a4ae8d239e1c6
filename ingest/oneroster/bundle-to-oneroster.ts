// A journal bundle folder -> OneRoster 1.2 CSV. What OneRoster has no field for travels in `ext_svodka_*`
// columns (extensions are allowed by the standard) so that export -> import keeps every mapped field.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, parseCsv } from './parse-csv';

type Row = Record<string, string>;

function readBundleFile(dir: string, file: string): Row[] {
  const path = join(dir, `${file}.csv`);
  if (!existsSync(path)) return [];
  const t = parseCsv(readFileSync(path, 'utf8'));
  return t.rows.map((cells) => Object.fromEntries(t.header.map((h, i) => [h, cells[i] ?? ''])));
}

const positionRole: Record<string, string> = { director: 'principal', deputy: 'siteAdministrator', admin: 'administrator', teacher: 'teacher', other: 'aide' };
const kindType: Record<string, string> = { year: 'schoolYear', half_year: 'semester', quarter: 'gradingPeriod', trimester: 'term', module: 'term' };

/** «Фамилия Имя Отчество» -> family, given, middle (the importer joins them back with spaces). */
export function splitName(full: string): { familyName: string; givenName: string; middleName: string } {
  const [familyName = '', givenName = '', ...rest] = full.trim().split(/\s+/);
  return { familyName, givenName, middleName: rest.join(' ') };
}

export interface OneRosterFileOut { file: string; rows: number }

export function bundleToOneRoster(bundleDir: string, outDir: string): OneRosterFileOut[] {
  const b = (f: string) => readBundleFile(bundleDir, f);
  const manifest = Object.fromEntries(b('manifest').map((r) => [r.key!, r.value!]));
  const school = manifest.school_id ?? '';
  const stamp = manifest.exported_at || `${manifest.year_starts_on}T00:00:00Z`;
  const base = (id: string) => ({ sourcedId: id, status: 'active', dateLastModified: stamp });
  const out: Record<string, Row[]> = {};
  out.orgs = [{ ...base(school), name: manifest.school_name ?? '', type: 'school', identifier: '', parentSourcedId: '' }];
  out.academicSessions = b('periods').map((p) => ({ ...base(p.period_id!), title: p.name!, type: kindType[p.kind!] ?? 'term', startDate: p.starts_on!,
    endDate: p.ends_on!, parentSourcedId: '', schoolYear: manifest.year_ends_on?.slice(0, 4) ?? '', ext_svodka_kind: p.kind! }));
  out.courses = b('subjects').map((s) => ({ ...base(s.subject_id!), title: s.name!, orgSourcedId: school, ext_svodka_component: s.component! }));
  const users: Row[] = [];
  const roles: Row[] = [];
  const user = (id: string, role: string, name: string, extra: Row) => {
    users.push({ ...base(id), enabledUser: 'true', username: '', ...splitName(name), email: '', phone: '', agentSourcedIds: '',
      primaryOrgSourcedId: school, ...extra });
    roles.push({ ...base(`role-${id}`), userSourcedId: id, roleType: 'primary', role, orgSourcedId: school });
  };
  for (const s of b('staff')) user(s.staff_id!, positionRole[s.position!] ?? 'teacher', s.full_name!, { email: s.email ?? '', ext_svodka_position: s.position! });
  const demographics: Row[] = [];
  for (const s of b('students')) {
    user(s.student_id!, 'student', s.full_name!, {});
    if (s.birth_date) demographics.push({ ...base(s.student_id!), birthDate: s.birth_date });
  }
  const guardians = new Map<string, { row: Row; children: string[] }>();
  for (const g of b('guardians')) {
    const e = guardians.get(g.guardian_id!) ?? { row: g, children: [] };
    e.children.push(g.student_id!);
    guardians.set(g.guardian_id!, e);
  }
  for (const [id, g] of guardians) {
    const rel = g.row.relation ?? '';
    user(id, ['parent', 'guardian', 'relative'].includes(rel) ? rel : 'guardian', g.row.full_name!, { email: g.row.email ?? '', phone: g.row.phone ?? '',
      agentSourcedIds: g.children.join(','), ext_svodka_relation: rel });
  }
  out.users = users;
  out.roles = roles;
  out.demographics = demographics;
  const classes: Row[] = [];
  const enrollments: Row[] = [];
  const enrol = (id: string, cls: string, userId: string, role: string, primary: string, from = '', to = '') =>
    enrollments.push({ ...base(id), classSourcedId: cls, schoolSourcedId: school, userSourcedId: userId, role, primary, beginDate: from, endDate: to });
  for (const c of b('classes')) {
    const single = /^[А-ЯЁA-Z]$/iu.test(c.letter!);
    classes.push({ ...base(c.class_id!), title: single ? `${c.grade}${c.letter}` : c.letter!, grades: c.grade!.padStart(2, '0'), courseSourcedId: '',
      classType: 'homeroom', schoolSourcedId: school, termSourcedIds: '', ext_svodka_profile: c.profile ?? '' });
    enrol(`ct-${c.class_id}`, c.class_id!, c.class_teacher_id!, 'teacher', 'true');
  }
  b('enrollments').forEach((e, i) => enrol(`en-${i + 1}`, e.class_id!, e.student_id!, 'student', 'false', e.from_date, e.to_date));
  for (const g of b('groups')) {
    classes.push({ ...base(g.group_id!), title: g.name!, grades: '', courseSourcedId: g.subject_id!, classType: 'scheduled', schoolSourcedId: school,
      termSourcedIds: '', ext_svodka_kind: g.kind!, ext_svodka_classId: g.class_id ?? '' });
    enrol(`gt-${g.group_id}`, g.group_id!, g.teacher_id!, 'teacher', 'true');
  }
  b('group_members').forEach((m, i) => enrol(`gm-${i + 1}`, m.group_id!, m.student_id!, 'student', 'false', m.from_date, m.to_date));
  out.classes = classes;
  out.enrollments = enrollments;
  const marks = b('marks');
  const lessons = new Map(b('lessons').map((l) => [l.lesson_id!, l]));
  const withMarks = [...new Set(marks.map((m) => m.lesson_id!))].sort();
  out.categories = [...new Set(marks.map((m) => m.work_type!))].sort().map((t) => ({ ...base(t), title: t }));
  out.lineItems = withMarks.map((id) => ({ ...base(id), title: lessons.get(id)?.topic_text || id, assignDate: lessons.get(id)?.date ?? '', dueDate: '',
    classSourcedId: lessons.get(id)?.group_id ?? '', categorySourcedId: marks.find((m) => m.lesson_id === id)!.work_type!, gradingPeriodSourcedId: '' }));
  out.results = marks.map((m) => ({ ...base(m.mark_id!), dateLastModified: m.entered_at!, lineItemSourcedId: m.lesson_id!, studentSourcedId: m.student_id!,
    scoreStatus: 'fully graded', score: m.value!, comment: m.comment ?? '', ext_svodka_enteredBy: m.entered_by! }));
  mkdirSync(outDir, { recursive: true });
  const written: OneRosterFileOut[] = [];
  const present = Object.keys(out).filter((f) => out[f]!.length);
  const manifestRows = [['manifest.version', '1.0'], ['oneroster.version', '1.2'], ['source.systemName', 'Svodka'],
    ...['academicSessions', 'categories', 'classes', 'courses', 'demographics', 'enrollments', 'lineItems', 'orgs', 'results', 'roles', 'users']
      .map((f) => [`file.${f}`, present.includes(f) ? 'bulk' : 'absent'])];
  writeFileSync(join(outDir, 'manifest.csv'), csvLine(['propertyName', 'value']) + manifestRows.map((r) => csvLine(r)).join(''));
  written.push({ file: 'manifest.csv', rows: manifestRows.length });
  for (const f of present) {
    const rows = out[f]!;
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    writeFileSync(join(outDir, `${f}.csv`), csvLine(header) + rows.map((r) => csvLine(header.map((h) => r[h] ?? ''))).join(''));
    written.push({ file: `${f}.csv`, rows: rows.length });
  }
  return written;
}
