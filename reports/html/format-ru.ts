import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// Dates are formatted here, never by Chromium (its header date comes out in US format).

/** 2025-10-24 -> 24.10.2025 */
export function formatDateRu(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An instant shown in the school's zone: 24.10.2025 17:05 */
export function formatDateTimeRu(at: Date | string, timezone: string): string {
  return format(new TZDate(new Date(at).getTime(), timezone), 'dd.MM.yyyy HH:mm');
}

/** 66.66667 -> "66,7"; null -> "—" */
export function formatNumberRu(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(digits).replace('.', ',');
}

export const formatPercentRu = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : `${formatNumberRu(value, digits)} %`;

/** UTC offset label of a zone at an instant, e.g. "UTC+05:00" */
export function offsetLabel(at: Date, timezone: string): string {
  return `UTC${format(new TZDate(at.getTime(), timezone), 'xxx')}`;
}
