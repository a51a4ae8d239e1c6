import { barChartSvg } from '../html/bar-chart-svg';
import { buildMetricForm } from './metric/build-metric-form';
import type { MetricFormSpec } from './metric/metric-form-spec';
import { metricSection, ruleSummarySection } from './metric/metric-sections';
import { nameKey } from './metric/metric-table-view';
import type { FormDefinition, FormId } from './form-registry';

/** The period of the rows that comes last in the school's order (the year after its quarters). */
function latestPeriod(rows: Record<string, unknown>[], names: Map<string, string>): string {
  const order = (id: string) => Number(names.get(nameKey('period_order', id)) ?? 0);
  return rows.map((r) => String(r.period_id)).reduce((a, b) => (order(b) > order(a) ? b : a));
}

const passColumns = ['students', 'passed', 'pass_rate', 'quality_rate', 'sou', 'avg_mark'];
const breachColumns = ['teacher_id', 'class_id', 'subject_id', 'record_id', 'student_id', 'due_at', 'entered_at', 'late_minutes'];

const specs: MetricFormSpec[] = [
  {
    id: 'F-COMPLIANCE', title: 'Отчёт о полноте и своевременности ведения электронного журнала', orientation: 'landscape',
    access: { roles: ['deputy', 'director', 'admin'], scope: 'school' }, signatories: ['Заместитель директора', 'Директор'],
    sections: [
      ruleSummarySection('Своевременность и полнота записей по учителям и правилам', 'teachers'),
      metricSection('Полнота журнала по учителям (M-COMPLETE)', 'M-COMPLETE', ['teacher_id', 'held_lessons', 'topic_rate', 'attendance_rate', 'homework_rate', 'complete_rate'], { by: 'teacher' }),
    ],
  },
  {
    id: 'F-VSHK', title: 'Справка о результатах внутришкольного контроля (ВШК)', orientation: 'landscape',
    access: { roles: ['deputy', 'director', 'admin'], scope: 'school' }, signatories: ['Заместитель директора'],
    sections: [
      metricSection('Результаты контрольных работ', 'M-VSHK', ['control_work_id', 'class_id', 'subject_id', 'date', 'students', 'n5', 'n4', 'n3', 'n2', 'pass_rate', 'quality_rate', 'avg_mark', 'class_avg_mark']),
      metricSection('Нарушения сроков выставления отметок за контрольные работы (R-CONTROL-WORK)', 'R-CONTROL-WORK', breachColumns),
    ],
  },
  {
    id: 'F-MISSED', title: 'Пропущенные уроки с темами', orientation: 'portrait', needs: ['class'],
    access: { roles: ['deputy', 'class_teacher', 'director', 'admin'], scope: 'class' }, signatories: ['Классный руководитель'],
    sections: [metricSection('Пропуски по обучающимся', 'M-MISSED', ['student_id', 'date', 'subject_id', 'topic_text', 'status', 'made_up'])],
  },
  {
    id: 'F-UNSAT', title: 'Неудовлетворительные отметки с темами уроков', orientation: 'portrait', needs: ['class'],
    access: { roles: ['deputy', 'class_teacher', 'director', 'admin'], scope: 'class' }, signatories: ['Классный руководитель'],
    sections: [metricSection('Неудовлетворительные отметки по обучающимся', 'M-UNSAT', ['student_id', 'date', 'subject_id', 'topic_text', 'value'])],
  },
  {
    id: 'F-PLAN', title: 'Справка о выполнении учебного плана', orientation: 'landscape',
    access: { roles: ['deputy', 'director', 'admin'], scope: 'school' }, signatories: ['Заместитель директора', 'Директор'],
    sections: [
      metricSection('Выполнение учебного плана по классам, профилям и предметам (M-PLAN)', 'M-PLAN', ['class_id', 'profile', 'subject_id', 'hours_planned', 'hours_held', 'execution_rate']),
      metricSection('Прохождение программы по группам (M-COVERAGE)', 'M-COVERAGE', ['class_id', 'group_id', 'subject_id', 'planned_hours', 'held_lessons', 'coverage', 'topics_due', 'topics_done', 'missed_topic_ids']),
    ],
  },
  {
    id: 'F-PASS', title: 'Отчёт об успеваемости и качестве знаний', orientation: 'landscape',
    access: { roles: ['deputy', 'class_teacher', 'district', 'director', 'admin'], scope: 'school' }, signatories: ['Заместитель директора'],
    sections: [
      metricSection('По классам', 'M-PASS', ['class_id', 'period_id', ...passColumns], { by: 'class' }),
      metricSection('По предметам', 'M-PASS', ['class_id', 'subject_id', 'period_id', ...passColumns], {
        chart: (rows, names) => {
          // one period (the latest reported) and one class, or the chart is unreadable
          const period = latestPeriod(rows, names);
          const shown = rows.filter((r) => r.period_id === period && r.class_id === rows[0]!.class_id);
          return barChartSvg(
            shown.map((r) => names.get(nameKey('subject', String(r.subject_id))) ?? String(r.subject_id)),
            [{ name: `Успеваемость, % (${names.get(nameKey('period', period)) ?? period})`, values: shown.map((r) => r.pass_rate as number | null) },
              { name: 'Качество, %', values: shown.map((r) => r.quality_rate as number | null) }], { max: 100 });
        },
      }),
      metricSection('По обучающимся', 'M-PASS', ['class_id', 'student_id', 'period_id', 'subjects', 'passed', 'pass_rate', 'quality_rate', 'sou', 'avg_mark'], {
        by: 'student', labels: { subjects: 'Предметов с итоговой', passed: 'Из них успешно', pass_rate: 'Успешно, %', quality_rate: 'На «4» и «5», %' },
      }),
    ],
  },
  {
    id: 'F-DISTRICT', title: 'Сводный отчёт района по ведению журналов и успеваемости', orientation: 'landscape', district: true,
    access: { roles: ['district'], scope: 'district' }, signatories: ['Начальник отдела образования'],
    sections: [
      ruleSummarySection('Ведение электронных журналов по школам', 'schools'),
      metricSection('Успеваемость и качество знаний по школам и классам', 'M-PASS', ['school_id', 'class_id', 'period_id', ...passColumns], { by: 'class' }),
    ],
  },
];

export const metricForms = Object.fromEntries(specs.map((spec) => [spec.id, {
  id: spec.id as FormId,
  access: spec.access,
  retentionYears: 5,
  build: (warehouse, req, madeAt, allowed) => buildMetricForm(
    // district callers see aggregates only: sections about single children are left out
    allowed?.aggregatesOnly ? { ...spec, sections: spec.sections.filter((s) => !s.columns.includes('student_id')) } : spec,
    warehouse, req, madeAt, allowed ?? {}),
} satisfies FormDefinition])) as Record<Exclude<FormId, 'F-SUMMARY' | 'F-JOURNAL' | 'F-EXTRACT'>, FormDefinition>;
