// The federal curriculum (ФГОС/ФОП, 5-day week) as weekly hours per grade 1–11, with how each subject is
// taught (whole class or split in two subgroups), who teaches it and how it is marked.

export interface SubjectPlan {
  code: string;
  name: string;
  component: 'federal' | 'school';
  /** weekly hours for grades 1..11 (index 0 = grade 1) */
  hours: readonly number[];
  /** grades where the class is split into two subgroups */
  splitFrom?: number;
  splitTo?: number;
  /** teacher specialty; `primary` = the class teacher of grades 1–4 */
  specialty: string;
  /** taught without marks (finals `безотм`) */
  noMarks?: boolean;
  /** probability that a present student gets a current mark in a lesson */
  markRate: number;
  /** shift of the mark distribution (harder subjects are negative) */
  difficulty: number;
  givesHomework: number;
}

const h = (...a: number[]) => a;
export const subjectPlans: readonly SubjectPlan[] = [
  { code: 'RUS', name: 'Русский язык', component: 'federal', hours: h(5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2), specialty: 'rus', markRate: 0.32, difficulty: -0.25, givesHomework: 0.9 },
  { code: 'LITR', name: 'Литературное чтение', component: 'federal', hours: h(4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0), specialty: 'primary', markRate: 0.3, difficulty: 0.25, givesHomework: 0.8 },
  { code: 'LIT', name: 'Литература', component: 'federal', hours: h(0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3), specialty: 'rus', markRate: 0.28, difficulty: 0.1, givesHomework: 0.85 },
  { code: 'ENG', name: 'Иностранный язык (английский)', component: 'federal', hours: h(0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3), splitFrom: 2, splitTo: 11, specialty: 'eng', markRate: 0.33, difficulty: 0, givesHomework: 0.85 },
  { code: 'MATH', name: 'Математика', component: 'federal', hours: h(4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0), specialty: 'math', markRate: 0.32, difficulty: -0.2, givesHomework: 0.9 },
  { code: 'ALG', name: 'Алгебра', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3), specialty: 'math', markRate: 0.3, difficulty: -0.35, givesHomework: 0.9 },
  { code: 'GEOM', name: 'Геометрия', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2), specialty: 'math', markRate: 0.28, difficulty: -0.4, givesHomework: 0.85 },
  { code: 'PROB', name: 'Вероятность и статистика', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1), specialty: 'math', markRate: 0.25, difficulty: 0, givesHomework: 0.6 },
  { code: 'INF', name: 'Информатика', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1), splitFrom: 7, splitTo: 11, specialty: 'inf', markRate: 0.3, difficulty: 0.2, givesHomework: 0.5 },
  { code: 'HIST', name: 'История', component: 'federal', hours: h(0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2), specialty: 'hist', markRate: 0.27, difficulty: 0.1, givesHomework: 0.85 },
  { code: 'SOC', name: 'Обществознание', component: 'federal', hours: h(0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2), specialty: 'hist', markRate: 0.26, difficulty: 0.15, givesHomework: 0.7 },
  { code: 'GEO', name: 'География', component: 'federal', hours: h(0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1), specialty: 'geo', markRate: 0.26, difficulty: 0.15, givesHomework: 0.7 },
  { code: 'BIO', name: 'Биология', component: 'federal', hours: h(0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1), specialty: 'bio', markRate: 0.26, difficulty: 0.1, givesHomework: 0.7 },
  { code: 'PHYS', name: 'Физика', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2), specialty: 'phys', markRate: 0.28, difficulty: -0.3, givesHomework: 0.85 },
  { code: 'CHEM', name: 'Химия', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1), specialty: 'chem', markRate: 0.28, difficulty: -0.25, givesHomework: 0.8 },
  { code: 'OKR', name: 'Окружающий мир', component: 'federal', hours: h(2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0), specialty: 'primary', markRate: 0.27, difficulty: 0.3, givesHomework: 0.6 },
  { code: 'ORKSE', name: 'Основы религиозных культур и светской этики', component: 'federal', hours: h(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0), specialty: 'hist', noMarks: true, markRate: 0, difficulty: 0, givesHomework: 0 },
  { code: 'ODNKNR', name: 'Основы духовно-нравственной культуры народов России', component: 'federal', hours: h(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0), specialty: 'hist', noMarks: true, markRate: 0, difficulty: 0, givesHomework: 0 },
  { code: 'MUS', name: 'Музыка', component: 'federal', hours: h(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), specialty: 'mus', markRate: 0.2, difficulty: 0.6, givesHomework: 0.1 },
  { code: 'ART', name: 'Изобразительное искусство', component: 'federal', hours: h(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0), specialty: 'art', markRate: 0.22, difficulty: 0.55, givesHomework: 0.2 },
  { code: 'TECH', name: 'Труд (технология)', component: 'federal', hours: h(1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0), splitFrom: 5, splitTo: 9, specialty: 'tech', markRate: 0.25, difficulty: 0.5, givesHomework: 0.15 },
  { code: 'PE', name: 'Физическая культура', component: 'federal', hours: h(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), specialty: 'pe', markRate: 0.2, difficulty: 0.5, givesHomework: 0.05 },
  { code: 'OBZR', name: 'Основы безопасности и защиты Родины', component: 'federal', hours: h(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1), specialty: 'obzr', markRate: 0.24, difficulty: 0.3, givesHomework: 0.4 },
  { code: 'PROJ', name: 'Индивидуальный проект', component: 'school', hours: h(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0), specialty: 'phys', markRate: 0.15, difficulty: 0.4, givesHomework: 0.3 },
];

/** The cross-class stream: a grade-10 elective of two parallels taught together (groups.class_id empty). */
export const streamPlan: SubjectPlan = {
  code: 'ELPH', name: 'Элективный курс «Решение задач по физике»', component: 'school', hours: h(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
  specialty: 'phys', markRate: 0.25, difficulty: -0.1, givesHomework: 0.6,
};

export const hoursFor = (plan: SubjectPlan, grade: number): number => plan.hours[grade - 1] ?? 0;
export const isSplit = (plan: SubjectPlan, grade: number): boolean =>
  plan.splitFrom !== undefined && grade >= plan.splitFrom && grade <= (plan.splitTo ?? 11);
/** grades 1–4 are taught by their class teacher except these specialties */
export const primarySpecialists = new Set(['eng', 'mus', 'pe', 'hist']);
/** most lessons a class has in one day */
export const maxLessonsPerDay = (grade: number): number => (grade === 1 ? 4 : grade <= 4 ? 5 : grade <= 6 ? 6 : 7);

/** Bells: 08:30 start, 45-minute lessons, 20-minute breaks after the 2nd and 3rd lessons. */
export const bells: readonly [number, number][] = [
  [510, 555], [565, 610], [630, 675], [695, 740], [750, 795], [805, 850], [860, 905], [915, 960],
];
