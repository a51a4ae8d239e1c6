// Violation rates injected into a demo school (`--rates` JSON overrides any of them). Each is the
// probability that one record of its kind is made to breach its rule; violations.json is counted from
// the generated records themselves (ground-truth.ts), never from these numbers.
import { ValidationError } from '../../common/errors';

export const defaultRates = {
  /** R-MARK-DAY: a current mark entered after the lesson's day */
  markLate: 0.02,
  /** R-HOMEWORK: homework entered more than 90 min after the class's last lesson */
  homeworkLate: 0.03,
  /** R-ATTENDANCE */
  attendanceMissing: 0.008,
  attendanceLate: 0.012,
  /** R-TOPIC */
  topicMissing: 0.006,
  topicLate: 0.015,
  /** R-ATTENDANCE + R-TOPIC: a lesson left `planned`, never recorded */
  lessonUnrecorded: 0.002,
  /** share of held lessons taught by a substitute */
  substitution: 0.015,
  /** R-SUBSTITUTION: of substituted lessons, not recorded / recorded after the lesson record */
  substitutionMissing: 0.12,
  substitutionLate: 0.08,
  /** R-CONTROL-WORK / R-WRITTEN-WORK: share of works whose marks come in late */
  controlWorkLate: 0.15,
  writtenWorkLate: 0.12,
  /** R-PERIOD-FINAL */
  finalMissing: 0.004,
  finalEarly: 0.006,
  finalLate: 0.008,
  /** deferred finals (not breaches unless the deferral expired with nothing entered) */
  finalDeferred: 0.003,
  /** R-FINALS-LOCK: share of entered finals whose marks or final a teacher edits afterwards */
  finalsLockEdit: 0.002,
  /** not a breach: the administrator's edits after finals */
  adminEditAfterFinal: 0.002,
  /** R-SETUP: share of setup items (periods, rooms, …, each individual plan) late or missing */
  setupLate: 0.15,
  setupMissing: 0.05,
};
export type DemoRates = typeof defaultRates;

/** Parses `--rates` JSON: known keys only, each a number in [0, 1]. */
export function parseRates(json: string | undefined): DemoRates {
  if (!json) return { ...defaultRates };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ValidationError('bad_rates', `--rates: не JSON: ${json}`, `--rates is not JSON: ${json}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ValidationError('bad_rates', '--rates: ожидается объект {"markLate": 0.05, …}', '--rates must be a JSON object');
  return withRates(parsed as Record<string, unknown>);
}

export function withRates(overrides: Record<string, unknown>): DemoRates {
  const rates = { ...defaultRates };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in defaultRates))
      throw new ValidationError('bad_rates', `--rates: неизвестный ключ «${key}»; допустимые: ${Object.keys(defaultRates).join(', ')}`, `unknown rate key ${key}`);
    if (typeof value !== 'number' || !(value >= 0 && value <= 1))
      throw new ValidationError('bad_rates', `--rates: «${key}» должно быть числом от 0 до 1, получено ${JSON.stringify(value)}`, `rate ${key} must be a number in [0, 1]`);
    rates[key as keyof DemoRates] = value;
  }
  return rates;
}
