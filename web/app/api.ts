import type { ZodType } from 'zod';
import { ERRORS, type ErrorCode } from '../../shared/errors.ts';
import type { Locale } from '../ui/format-date.ts';

/** One field or row error of a problem+json answer. */
export interface ProblemFieldError {
  path?: string | (string | number)[];
  row?: number;
  code: string;
  message?: string;
}

/** The server's problem+json answer (docs/http-api.md). */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  message?: { ja: string; en: string };
  errors?: ProblemFieldError[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let lastActivity = Date.now();
const activityListeners = new Set<() => void>();

/**
 * When the app last called the API (A31): the server's idle clock only sees requests, so the
 * browser's idle clock counts the same thing (not mouse moves). Taken when a request is sent.
 */
export function lastApiActivity(): number {
  return lastActivity;
}

/** Told after every answered API call; returns the unsubscribe function. */
export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null | undefined): void {
  if (token) csrfToken = token;
}

/** Called when any request answers 401 auth.required (the session has ended). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/csrf', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw new ApiError(await readProblem(res));
  const body = (await res.json()) as { token?: string };
  csrfToken = body.token ?? null;
  if (!csrfToken) throw new ApiError({ status: 500, code: 'server.error' });
  return csrfToken;
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (typeof body.code === 'string')
        return { ...body, status: body.status ?? res.status, code: body.code };
    } catch {
      // fall through to a generic problem
    }
  }
  const code =
    res.status === 404
      ? 'request.not_found'
      : res.status === 503
        ? 'server.unavailable'
        : res.status === 429
          ? 'request.too_many'
          : 'server.error';
  return { status: res.status, code };
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body. */
  body?: unknown;
  /** Multipart body (file uploads). */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  /** Checked in development and tests: a mismatch with the contract is logged, never hidden. */
  schema?: ZodType<T>;
}

export function withQuery(path: string, query?: RequestOptions<unknown>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Calls the Mamori API: same-origin cookie session, CSRF header on every change, problem+json errors. */
export async function api<T>(path: string, options: RequestOptions<T> = {}, retried = false): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrfToken();

  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'server.unavailable' });
  }
  if (res.status !== 401) {
    lastActivity = sentAt;
    for (const listener of activityListeners) listener();
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    if (problem.code === 'request.csrf' && !retried) {
      csrfToken = null;
      return api(path, options, true);
    }
    if (res.status === 401 && problem.code === 'auth.required' && path !== '/api/session')
      unauthorizedHandler?.();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json();
  if (options.schema) {
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) {
      console.warn(`[mamori] ${method} ${path}: answer does not match the contract`, parsed.error.issues);
      return data as T;
    }
    return parsed.data;
  }
  return data as T;
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** The message of an error code in the user's language (undefined for a code the app does not know). */
export function codeMessage(code: string, locale: Locale): string | undefined {
  return isErrorCode(code) ? ERRORS[code][locale] : undefined;
}

/** The message to show for an error, in the user's language. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    const m = error.problem.message?.[locale];
    if (m) return m;
    if (isErrorCode(error.code)) return ERRORS[error.code][locale];
    if (error.problem.detail) return error.problem.detail;
  }
  return ERRORS['server.error'][locale];
}

/**
 * Field errors of an ApiError keyed by field name (the path without "body"): the issue code (e.g. the
 * zod code of a 400 request.invalid) and the server's message when it gives one.
 */
export function fieldErrors(error: unknown): Map<string, { code: string; message?: string }> {
  const out = new Map<string, { code: string; message?: string }>();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    if (e.path === undefined) continue;
    const segments = Array.isArray(e.path)
      ? e.path.map(String)
      : e.path.replace(/^\/?(body[./])?/, '').split(/[./]/);
    const field = segments.filter((s) => s !== '' && s !== 'body').join('.');
    if (field && !out.has(field)) out.set(field, { code: e.code, message: e.message });
  }
  return out;
}
