import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore, type Role } from './stores/session';
import { useReferenceStore } from './stores/reference';
import { prefetchFirstChart } from './composables/prefetch-first-chart';

// Each role's pages are their own chunk (route-level code splitting).
const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  { path: '/director', component: () => import('./pages/DirectorPage.vue'), meta: { roles: ['director', 'deputy', 'admin', 'district'] } },
  { path: '/breaches', component: () => import('./pages/BreachesPage.vue'), meta: { roles: ['director', 'deputy', 'admin', 'district', 'teacher', 'class_teacher'] } },
  { path: '/deputy', component: () => import('./pages/DeputyPage.vue'), meta: { roles: ['deputy', 'director', 'admin'] } },
  { path: '/class', component: () => import('./pages/ClassTeacherPage.vue'), meta: { roles: ['class_teacher', 'deputy', 'director', 'admin'] } },
  { path: '/teacher', component: () => import('./pages/TeacherPage.vue'), meta: { roles: ['teacher', 'class_teacher', 'director', 'deputy', 'admin'] } },
  { path: '/diary', component: () => import('./pages/DiaryPage.vue'), meta: { roles: ['guardian', 'student', 'class_teacher'] } },
  { path: '/admin', component: () => import('./pages/AdminPage.vue'), meta: { roles: ['admin', 'director'] } },
  { path: '/district', component: () => import('./pages/DistrictPage.vue'), meta: { roles: ['district'] } },
  { path: '/denied', component: () => import('./pages/DeniedPage.vue'), meta: { public: true } },
  { path: '/:rest(.*)*', redirect: '/' },
];

const imports = import.meta.glob('./pages/AdminImportsPage.vue');
const importsPage = imports['./pages/AdminImportsPage.vue'];
if (importsPage) routes.splice(routes.length - 1, 0, { path: '/admin/imports', component: importsPage, meta: { roles: ['admin', 'director'] } });
export const hasImportsPage = Boolean(importsPage);

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  // no waterfall: the page's code loads while the session is checked (the router imports it once more, from cache)
  for (const record of to.matched) {
    const page = record.components?.default;
    if (typeof page === 'function') void (page as () => Promise<unknown>)().catch(() => undefined);
  }
  if (!session.checked) await session.load();
  if (to.meta.public) return true;
  if (!session.me) return { path: '/login', query: { next: to.fullPath } };
  if (to.path === '/') return session.home;
  const roles = to.meta.roles as Role[] | undefined;
  if (roles && !roles.includes(session.me.role)) return { path: '/denied' };
  // and the school's names, which every staff screen asks for first, while the page's code loads
  const school = typeof to.query.school === 'string' ? to.query.school : session.me.schoolId;
  if (school && !['guardian', 'student'].includes(session.me.role)) {
    if (to.path === '/director') void prefetchFirstChart(school, to.query).catch(() => undefined);
    else void useReferenceStore().load(school).catch(() => undefined);
  }
  return true;
});
