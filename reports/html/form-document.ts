import type { SafeHtml } from './escape-html';

export type Orientation = 'portrait' | 'landscape';

/** Everything a form's page needs besides its table(s); produced by each form's view model. */
export interface FormDocument {
  formId: string;
  /** Russian title, e.g. «Сводная ведомость итоговых отметок» */
  title: string;
  subtitle?: string;
  schoolName: string;
  /** e.g. «2025/2026 учебный год, 1 четверть» */
  periodLabel: string;
  orientation: Orientation;
  body: SafeHtml;
  /** who signs on paper: «Директор», «Заместитель директора», «Классный руководитель» */
  signatories: { position: string; name: string }[];
  madeAt: Date;
  timezone: string;
}
