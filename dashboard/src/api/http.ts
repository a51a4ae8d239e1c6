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

interface Boot { answers: Record<string, Promise<Response> | undefined>; settled: Promise<void> }
let boot: Boot | null = (globalThis as { svodkaBoot?: Boot }).svodkaBoot ?? null;
const mePath = '/api/v1/auth/me';

/** The answer public/boot.js asked for ahead of the app, if any: each taken once, none after closeBoot. */
async function takeBoot(path: string): Promise<Response | undefined> {
  const b = boot;
  if (!b) return undefined;
  // past the session, boot.js may still be about to ask for this very path: wait until it has asked
  if (path !== mePath) await b.settled;
  const early = b.answers[path];
  delete b.answers[path];
  return early;
}
/** After the first navigation an early answer may be out of date (e.g. /auth/me before a login). */
export const closeBoot = (): void => { boot = null; };

const networkMessage = 'Сервер недоступен. Проверьте подключение к сети и повторите попытку.';

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && settings.csrfToken) headers['x-csrf-token'] = settings.csrfToken;
  if (settings.cookie) headers.cookie = settings.cookie;
  let res: Response;
  try {
    const early = method === 'GET' && !settings.cookie ? await takeBoot(path) : undefined;
    res = await (early ?? fetch(settings.baseUrl + path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    }));
  } catch {
    throw new ApiError(0, 'network', networkMessage);
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `Ошибка сервера (${res.status}). Повторите попытку позже.`, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query): Promise<T> => request<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown): Promise<T> => request<T>('PUT', path, body ?? {});
