// Every route declares who it serves (DESIGN.md "Identity and access"). The auth plugin enforces the
// declaration before the handler runs; a route without one is refused at registration.
export const roles = ['director', 'deputy', 'class_teacher', 'teacher', 'admin', 'guardian', 'student', 'district'] as const;
export type Role = (typeof roles)[number];

/**
 * The kind of object a route's data belongs to; the caller must be entitled to the object named by
 * the request (see api/auth for how each scope is resolved):
 * - `public`: no login (health, login, the PDF verify page)
 * - `self`: the caller's own account
 * - `school`: a school the caller belongs to (district staff: a school of their district)
 * - `class`: a class the caller may see (class teacher: own class; teacher: a class they teach)
 * - `group`: a group the caller may write to or read (teacher: own groups)
 * - `student`: a student the caller may see (guardian: own child; student: self)
 * - `district`: the caller's district, aggregates only
 */
export type Scope = 'public' | 'self' | 'school' | 'class' | 'group' | 'student' | 'district';

export interface AccessDeclaration {
  roles: readonly Role[] | 'any';
  scope: Scope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessDeclaration;
  }
}
