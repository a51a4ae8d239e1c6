// Guardians with their consent to electronic records, their weekly acknowledgements of the diary, and
// teachers' recommendations to students.
import type { Guardian, ParentAck, Recommendation, SchoolClass, Student } from './demo-model';
import { at, weekday } from './local-time';
import type { Rng } from './prng';
import { adultName, fullName, surnameFor } from './russian-names';
import type { SchoolCalendar } from './school-calendar';

const advice = [
  'Рекомендую повторить пройденный материал и выполнить дополнительные упражнения.',
  'Обратить внимание на оформление письменных работ.',
  'Рекомендую посещать консультации по предмету по вторникам.',
  'Хорошая динамика, продолжайте в том же духе.',
  'Необходимо ликвидировать пробелы по пропущенным темам.',
];

export function buildFamilies(rng: Rng, schoolId: string, cal: SchoolCalendar, students: Student[], classOf: (id: string) => SchoolClass | undefined) {
  const guardians: Guardian[] = [];
  const acks: ParentAck[] = [];
  const recommendations: Recommendation[] = [];
  const sundays: number[] = [];
  for (let d = cal.startsOn; d <= cal.endsOn; d++) if (weekday(d) === 6) sundays.push(d);
  const phone = () => `+7 9${rng.int(10, 99)} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`;
  for (const s of students) {
    const parents: { name: string; relation: string }[] = [];
    if (rng.chance(0.96)) { const m = adultName(rng, 'f', s.familyStem); parents.push({ name: fullName({ ...m, surname: surnameFor(s.familyStem, 'f') }), relation: 'мать' }); }
    if (parents.length === 0 || rng.chance(0.55)) {
      const f = adultName(rng, 'm', s.familyStem);
      parents.push({ name: fullName({ ...f, first: s.father[0] }), relation: 'отец' });
    }
    for (const p of parents) {
      const id = `${schoolId}-R${String(guardians.length + 1).padStart(5, '0')}`;
      const r = rng.next();
      const consent = r < 0.88 ? 'given' : r < 0.92 ? 'refused' : '';
      const channel = consent === 'refused' ? 'paper' : (['web', 'web', 'web', 'email', 'sms', 'paper'][rng.int(0, 5)] as string);
      guardians.push({ id, studentId: s.id, name: p.name, relation: p.relation, email: channel === 'email' || channel === 'web' ? `${id.toLowerCase()}@mail.example.ru` : '',
        phone: phone(), consent, consentAt: consent ? at(cal.startsOn + rng.int(0, 14), 10 * 60) + rng.int(0, 9 * 3600) : null, channel: consent ? channel : '' });
      if (consent === 'given' && channel === 'web') {
        const diligence = rng.next();
        for (const sunday of sundays) if (rng.chance(diligence)) acks.push({ guardianId: id, studentId: s.id, at: at(sunday, 18 * 60) + rng.int(0, 5 * 3600), coversUntil: sunday });
      }
    }
    if (rng.chance(0.3)) {
      const c = classOf(s.id);
      const day = rng.pick(cal.schoolDays(2));
      if (c) recommendations.push({ id: `${schoolId}-REC${String(recommendations.length + 1).padStart(5, '0')}`, studentId: s.id, teacherId: c.teacherId, text: rng.pick(advice), at: at(day, 15 * 60) + rng.int(0, 4 * 3600) });
    }
  }
  return { guardians, acks, recommendations };
}
