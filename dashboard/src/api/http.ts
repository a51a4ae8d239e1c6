import { answerKey, type FirstScreenAnswer } from '../../../common/first-screen';

// The dashboard's one HTTP client: JSON in and out, the session cookie, the CSRF header on writes,
// and the server's Russian error message carried to the screen.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

const settings = { baseUrl: '', csrfToken: null as string | null, cookie: null as string | null };

/** Tests in Node point the client at a real server and carry the session cookie themselves. */
export function configureHttp(opts: { baseUrl?: string; cookie?: string | null }): void {
  if (opts.baseUrl !== undefined) settings.baseUrl = opts.baseUrl;
  if (opts.cookie !== undefined) settings.cookie = opts.cookie;
}
export const setCsrfToken = (token: string | null): void => { settings.csrfToken = token; };

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface Boot { answers: Record<string, FirstScreenAnswer | undefined>; today?: Record<string, string>; settled: Promise<void> }
let boot: Boot | null = (globalThis as { svodkaBoot?: Boot }).svodkaBoot ?? null;

/** The answer public/boot.js got ahead of the app (first-screen), if any: each taken once, none after closeBoot. */
async function takeBoot(path: string): Promise<FirstScreenAnswer | undefined> {
  const b = boot;
  if (!b) return undefined;
  await b.settled;
  const key = answerKey(path);
  const early = b.answers[key];
  delete b.answers[key];
  return early;
}
/** Today in the zone as the server saw it when it answered the first screen (until closeBoot). */
export const bootToday = (timezone: string): string | undefined => boot?.today?.[timezone];

/** After the first navigation an early answer may be out of date (e.g. /auth/me before a login). */
export const closeBoot = (): void => { boot = null; };

const networkMessage = 'Сервер недоступен. Проверьте подключение к сети и повторите попытку.';

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && settings.csrfToken) headers['x-csrf-token'] = settings.csrfToken;
  if (settings.cookie) headers.cookie = settings.cookie;
  let status: number;
  let data: unknown = null;
  try {
    const early = method === 'GET' && !settings.cookie ? await takeBoot(path) : undefined;
    if (early) {
      ({ status, body: data } = early);
    } else {
      const res = await fetch(settings.baseUrl + path, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      const text = await res.text();
      try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    }
  } catch {
    throw new ApiError(0, 'network', networkMessage);
  }
  if (status < 200 || status > 299) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(status, err?.code ?? `http_${status}`, err?.message ?? `Ошибка сервера (${status}). Повторите попытку позже.`, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query): Promise<T> => request<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown): Promise<T> => request<T>('PUT', path, body ?? {});
