// Russian headers and value kinds of the columns metric and rule queries answer with; used by the
// metric-based forms and by the CSV/XLSX exports. Unknown columns keep their name and are shown as text.

export type ColumnKind = 'id' | 'text' | 'int' | 'number' | 'percent' | 'date' | 'instant' | 'bool' | 'list';

export interface ColumnLabel {
  label: string;
  kind: ColumnKind;
}

const labels: Record<string, ColumnLabel> = {
  rule_id: { label: 'Правило', kind: 'id' },
  school_id: { label: 'Школа', kind: 'id' },
  teacher_id: { label: 'Учитель', kind: 'id' },
  class_id: { label: 'Класс', kind: 'id' },
  group_id: { label: 'Группа', kind: 'id' },
  subject_id: { label: 'Предмет', kind: 'id' },
  student_id: { label: 'Обучающийся', kind: 'id' },
  period_id: { label: 'Период', kind: 'id' },
  lesson_id: { label: 'Урок', kind: 'id' },
  topic_id: { label: 'Тема (КТП)', kind: 'id' },
  control_work_id: { label: 'Контрольная работа', kind: 'id' },
  record_kind: { label: 'Вид записи', kind: 'text' },
  record_id: { label: 'Запись', kind: 'id' },
  due_at: { label: 'Срок', kind: 'instant' },
  entered_at: { label: 'Внесено', kind: 'instant' },
  late_minutes: { label: 'Опоздание, мин', kind: 'int' },
  students: { label: 'Обучающихся', kind: 'int' },
  passed: { label: 'Успевают', kind: 'int' },
  pass_rate: { label: 'Успеваемость, %', kind: 'percent' },
  quality_rate: { label: 'Качество знаний, %', kind: 'percent' },
  sou: { label: 'СОУ, %', kind: 'percent' },
  avg_mark: { label: 'Средний балл', kind: 'number' },
  marks: { label: 'Отметок', kind: 'int' },
  required: { label: 'Требуется', kind: 'int' },
  reached: { label: 'Норма достигнута', kind: 'bool' },
  fill_rate: { label: 'Наполняемость, %', kind: 'percent' },
  as_of: { label: 'На дату', kind: 'date' },
  date: { label: 'Дата', kind: 'date' },
  planned_hours: { label: 'Часов по плану', kind: 'number' },
  held_lessons: { label: 'Проведено уроков', kind: 'int' },
  coverage: { label: 'Выполнение, %', kind: 'percent' },
  topics_due: { label: 'Тем по КТП', kind: 'int' },
  topics_done: { label: 'Тем пройдено', kind: 'int' },
  missed_topic_ids: { label: 'Непройденные темы', kind: 'list' },
  topic_text: { label: 'Тема урока', kind: 'text' },
  status: { label: 'Причина', kind: 'text' },
  made_up: { label: 'Отработано', kind: 'bool' },
  value: { label: 'Отметка', kind: 'text' },
  timely_rate: { label: 'Своевременность, %', kind: 'percent' },
  complete_rate: { label: 'Заполненность, %', kind: 'percent' },
  judged: { label: 'Записей к сроку', kind: 'int' },
  on_time: { label: 'В срок', kind: 'int' },
  breaches: { label: 'Нарушений', kind: 'int' },
  hours_planned: { label: 'Часов по плану', kind: 'number' },
  hours_held: { label: 'Часов проведено', kind: 'number' },
  execution_rate: { label: 'Выполнение, %', kind: 'percent' },
  profile: { label: 'Профиль', kind: 'text' },
  title: { label: 'Наименование', kind: 'text' },
  kind: { label: 'Вид', kind: 'text' },
  n5: { label: '«5»', kind: 'int' },
  n4: { label: '«4»', kind: 'int' },
  n3: { label: '«3»', kind: 'int' },
  n2: { label: '«2»', kind: 'int' },
  class_avg_mark: { label: 'Средний балл класса (текущие)', kind: 'number' },
  topic_rate: { label: 'С темой, %', kind: 'percent' },
  attendance_rate: { label: 'С посещаемостью, %', kind: 'percent' },
  homework_rate: { label: 'С домашним заданием, %', kind: 'percent' },
  homework_minutes: { label: 'Домашнее задание, мин', kind: 'int' },
  norm_minutes: { label: 'Норма, мин', kind: 'int' },
};

/** Russian names of the rules (spec "Deadline rules"), for paper and spreadsheet cells. */
export const ruleNamesRu: Record<string, string> = {
  'R-MARK-DAY': 'Отметка в день урока', 'R-HOMEWORK': 'Домашнее задание в срок', 'R-ATTENDANCE': 'Посещаемость в день урока',
  'R-TOPIC': 'Тема урока в день урока', 'R-SUBSTITUTION': 'Отражение замены', 'R-CONTROL-WORK': 'Отметки за контрольную (ВШК) за 3 дня',
  'R-WRITTEN-WORK': 'Отметки за письменную работу за 7 дней', 'R-PERIOD-FINAL': 'Итоговые отметки за период',
  'R-FINALS-LOCK': 'Изменения после итоговой отметки', 'R-SETUP': 'Настройка учебного года к 5 сентября', 'R-ARCHIVE': 'Архивирование журнала и ведомости',
};

export function columnLabel(column: string): ColumnLabel {
  const known = labels[column];
  if (known) return known;
  if (column.endsWith('_rate')) return { label: column, kind: 'percent' };
  if (column.endsWith('_at')) return { label: column, kind: 'instant' };
  if (column.endsWith('_id')) return { label: column, kind: 'id' };
  return { label: column, kind: 'text' };
}
