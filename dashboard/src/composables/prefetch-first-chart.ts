import type { LocationQuery } from 'vue-router';
import { useMetricsStore } from '../stores/metrics';
import { useReferenceStore } from '../stores/reference';
import { defaultPeriodId } from './use-school-context';

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Asks for the director's first chart (M-PASS by class, exactly as PassQualityCard asks for it) as
 * soon as the school's names are in, while the page's code still loads; the card then shares it.
 */
export async function prefetchFirstChart(school: string, query: LocationQuery): Promise<void> {
  const reference = await useReferenceStore().load(school);
  const asOf = text(query.as_of);
  const period = text(query.period) ?? defaultPeriodId(reference, asOf);
  if (period) await useMetricsStore().rows('M-PASS', { schoolId: school, period, as_of: asOf, by: 'class' });
}
