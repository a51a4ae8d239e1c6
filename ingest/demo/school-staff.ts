// Staff of a demo school: administration, and teachers created on demand per specialty with a weekly
// load cap, so that the number of teachers follows the number of classes (~70 for 40 classes).
import type { StaffMember } from './demo-model';
import type { Rng } from './prng';
import { adultName, fullName, type Gender } from './russian-names';

const maxLoad = 25;

export interface StaffPool {
  staff: StaffMember[];
  /** a teacher of the specialty with room for `hours` more, preferring `prefer`, never one of `avoid` */
  teacherFor(specialty: string, hours: number, prefer: readonly string[], avoid?: readonly string[]): StaffMember;
  newTeacher(specialty: string): StaffMember;
}

export function createStaffPool(rng: Rng, schoolId: string): StaffPool {
  const staff: StaffMember[] = [];
  let n = 0;
  const add = (position: StaffMember['position'], specialty?: string, gender?: Gender): StaffMember => {
    n += 1;
    const id = `${schoolId}-T${String(n).padStart(3, '0')}`;
    const name = adultName(rng, gender ?? (rng.chance(0.85) ? 'f' : 'm'));
    const member: StaffMember = { id, name: fullName(name), position, email: `${id.toLowerCase()}@demo-school.ru`, load: 0 };
    if (specialty) member.specialty = specialty;
    staff.push(member);
    return member;
  };
  add('director');
  add('deputy');
  add('deputy');
  add('admin');
  add('other');
  const newTeacher = (specialty: string) => add('teacher', specialty, specialty === 'pe' || specialty === 'obzr' ? (rng.chance(0.6) ? 'm' : 'f') : undefined);
  const teacherFor: StaffPool['teacherFor'] = (specialty, hours, prefer, avoid = []) => {
    const fits = (t: StaffMember) => t.specialty === specialty && t.load + hours <= maxLoad && !avoid.includes(t.id);
    const preferred = staff.find((t) => prefer.includes(t.id) && fits(t));
    if (preferred) return preferred;
    const open = staff.filter(fits);
    return open.length > 0 ? (open[0] as StaffMember) : newTeacher(specialty);
  };
  return { staff, teacherFor, newTeacher };
}
