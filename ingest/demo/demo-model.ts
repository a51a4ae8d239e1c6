// The generator's in-memory school: what structure, timetable and journal steps produce and what the
// bundle writer and the ground truth read. Days are day numbers, instants local seconds (local-time.ts).
import type { SubjectPlan } from './curriculum-plan';
import type { PersonName } from './russian-names';
import type { SchoolCalendar } from './school-calendar';

export interface StaffMember { id: string; name: string; position: 'director' | 'deputy' | 'teacher' | 'admin' | 'other'; email: string; specialty?: string; load: number }
export interface SchoolClass { id: string; grade: number; letter: string; teacherId: string; profile: string }
export interface Student {
  id: string; name: PersonName; birthDay: number; iup: boolean; ability: number; frailty: number;
  father: [string, string, string]; familyStem: string;
}
export interface Enrollment { studentId: string; classId: string; from: number; to: number | null; reasonIn: string; reasonOut: string }
export interface Group {
  id: string; plan: SubjectPlan; subjectId: string; classId: string | null; grade: number; name: string;
  kind: 'class' | 'subgroup' | 'stream'; teacherId: string; hoursPerWeek: number;
}
export interface GroupMember { groupId: string; studentId: string; from: number; to: number | null }
export interface CurriculumRow { classId: string; subjectId: string; hoursPerYear: number; hoursPerWeek: number; studentId: string }
export interface Topic { id: string; groupId: string; seq: number; title: string; plannedDay: number }

export interface Lesson {
  id: string; groupId: string; day: number; lessonNo: number; starts: number; ends: number; teacherId: string;
  conductedBy: string; substitutionAt: number | null; status: 'planned' | 'held' | 'cancelled' | 'moved';
  movedTo: number | null; topicId: string; topicText: string; topicAt: number | null;
  homeworkText: string; homeworkMinutes: number | null; homeworkAt: number | null; attendanceAt: number | null;
  controlWorkId: string;
}
export interface Attendance { lessonId: string; studentId: string; status: 'absent' | 'sick' | 'excused' | 'late'; at: number; by: string }
export interface Mark {
  id: string; lessonId: string; studentId: string; value: string; workType: string; weight: number; at: number; by: string;
  makeup: boolean; comment: string;
}
export interface ControlWork { id: string; groupId: string; kind: 'vshk' | 'written' | 'essay' | 'test'; title: string; plannedDay: number; lessonId: string }
export interface FinalMark {
  studentId: string; subjectId: string; periodId: string; value: string; at: number | null; by: string;
  deferredUntil: number | null; groupId: string;
}
export interface Guardian {
  id: string; studentId: string; name: string; relation: string; email: string; phone: string;
  consent: string; consentAt: number | null; channel: string;
}
export interface ParentAck { guardianId: string; studentId: string; at: number; coversUntil: number }
export interface Recommendation { id: string; studentId: string; teacherId: string; text: string; at: number }
export interface Change {
  at: number; actorId: string; action: 'create' | 'update' | 'delete'; entity: string; entityId: string;
  field: string; oldValue: string; newValue: string;
}
export interface Room { id: string; name: string; capacity: number }
export interface Subject { id: string; name: string; component: string }

export interface DemoSchool {
  schoolId: string; schoolName: string; districtId: string; districtName: string;
  zone: string; offset: string; calendar: SchoolCalendar; periodIds: Map<string, string>;
  subjects: Subject[]; rooms: Room[]; staff: StaffMember[]; classes: SchoolClass[]; students: Student[];
  enrollments: Enrollment[]; groups: Group[]; members: GroupMember[]; curriculum: CurriculumRow[];
  topics: Topic[]; lessons: Lesson[]; attendance: Attendance[]; marks: Mark[]; controlWorks: ControlWork[];
  finals: FinalMark[]; guardians: Guardian[]; acks: ParentAck[]; recommendations: Recommendation[]; changes: Change[];
  /** which periods carry finals for a grade (quarters for 1–9, half-years for 10–11, and the year) */
  periodsForGrade(grade: number): string[];
}
