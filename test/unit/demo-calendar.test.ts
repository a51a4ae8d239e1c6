// The demo's building blocks: the 2025/2026 calendar, fixed offsets of the schools' zones, Russian names,
// local timestamps, the seeded generator and the --rates parser.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../common/errors';
import { parseRates } from '../../ingest/demo/demo-rates';
import { dayOf, endOfDay, isoDate, offsetText, schoolZones, timestampText, at } from '../../ingest/demo/local-time';
import { createRng } from '../../ingest/demo/prng';
import { childName, surnameFor } from '../../ingest/demo/russian-names';
import { buildCalendar } from '../../ingest/demo/school-calendar';

describe('the 2025/2026 calendar', () => {
  const cal = buildCalendar('2025/2026');
  const span = (code: string) => {
    const p = cal.periods.find((x) => x.code === code) ?? cal.holidays.find((x) => x.code === code)!;
    return `${isoDate(p.startsOn)}..${isoDate(p.endsOn)}`;
  };
  it('has quarters, half-years and the year', () => {
    expect(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y'].map(span)).toEqual([
      '2025-09-01..2025-10-24', '2025-11-03..2025-12-26', '2026-01-12..2026-03-20', '2026-03-30..2026-05-29',
      '2025-09-01..2025-12-26', '2026-01-12..2026-05-29', '2025-09-01..2026-05-29',
    ]);
  });
  it('has the holidays, public days off moved from weekends to Monday', () => {
    expect(['AUT', 'WIN', 'FEB1', 'SPR', 'NOV4', 'FEB23', 'MAR8', 'MAY1', 'MAY9'].map(span)).toEqual([
      '2025-10-25..2025-11-02', '2025-12-27..2026-01-11', '2026-02-14..2026-02-22', '2026-03-21..2026-03-29',
      '2025-11-04..2025-11-04', '2026-02-23..2026-02-23', '2026-03-09..2026-03-09', '2026-05-01..2026-05-01', '2026-05-11..2026-05-11',
    ]);
  });
  it('gives grade 1 the extra February week off', () => {
    expect(cal.isSchoolDay(dayOf('2026-02-17'), 5)).toBe(true);
    expect(cal.isSchoolDay(dayOf('2026-02-17'), 1)).toBe(false);
    expect(cal.isSchoolDay(dayOf('2025-11-04'), 5)).toBe(false);
    expect(cal.isSchoolDay(dayOf('2025-09-06'), 5)).toBe(false); // Saturday
    expect(cal.schoolDays(5).length - cal.schoolDays(1).length).toBe(5);
  });
});

describe('local time', () => {
  it('each school zone has the fixed offset the generator writes (checked against the ICU tz data)', () => {
    for (const { zone, offsetMinutes } of schoolZones)
      for (const when of ['2025-09-10T12:00:00Z', '2026-02-10T12:00:00Z']) {
        const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(when))
          .find((p) => p.type === 'timeZoneName')!.value;
        expect(name, zone).toBe(`GMT${offsetText(offsetMinutes)}`);
      }
  });
  it('renders a local instant with the offset; the end of a day is 00:00 of the next', () => {
    expect(timestampText(at(dayOf('2025-09-10'), 23 * 60 + 30), '+05:00')).toBe('2025-09-10T23:30:00+05:00');
    expect(timestampText(endOfDay(dayOf('2025-09-10')), '+10:00')).toBe('2025-09-11T00:00:00+10:00');
  });
});

describe('names', () => {
  it('forms gendered surnames and patronymics', () => {
    expect([surnameFor('Иванов', 'f'), surnameFor('Покровский', 'f'), surnameFor('Черных', 'f'), surnameFor('Ильин', 'm')])
      .toEqual(['Иванова', 'Покровская', 'Черных', 'Ильин']);
    const father: [string, string, string] = ['Илья', 'Ильич', 'Ильинична'];
    const girl = childName(createRng(1), 'f', 'Соколов', father);
    expect([girl.surname, girl.patronymic, girl.gender]).toEqual(['Соколова', 'Ильинична', 'f']);
    expect(childName(createRng(1), 'm', 'Соколов', father).patronymic).toBe('Ильич');
  });
});

describe('seeded generator and rates', () => {
  it('repeats its sequence for a seed; a fork does not depend on the draws before it', () => {
    const a = createRng(42), b = createRng(42);
    expect([a.next(), a.int(1, 6), a.next()]).toEqual([b.next(), b.int(1, 6), b.next()]);
    expect(createRng(42).fork('x').next()).toBe(a.fork('x').next());
    expect(createRng(43).next()).not.toBe(createRng(42).next());
  });
  it('parses --rates and names the bad key or value in Russian', () => {
    expect(parseRates('{"markLate":0.5}').markLate).toBe(0.5);
    expect(() => parseRates('{"markLte":0.5}')).toThrow(/неизвестный ключ «markLte»/);
    expect(() => parseRates('{"markLate":2}')).toThrow(ValidationError);
    expect(() => parseRates('{oops')).toThrow(/не JSON/);
  });
});
