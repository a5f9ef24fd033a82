/**
 * A small browser-like client over `app.inject` (no network): it keeps cookies between requests,
 * fetches the CSRF token from `GET /api/csrf` and sends it as `x-csrf-token` on unsafe methods.
 *
 *   const api = await apiHarness(kind);           // services + HTTP app + minimal organisation
 *   const admin = api.client();
 *   await admin.login(api.org.admin.employeeNumber);
 *   const res = await admin.post('/api/sections', { … });
 */
import { onTestFinished } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createHttpApp, type Services } from '../../../server/app.ts';
import type { Clock } from '../../../server/platform/clock.ts';
import type { DatabaseKind } from '../../support/databases.ts';
import { testServices } from '../../support/test-services.ts';
import { createMinimalOrg, TEST_PASSWORD, type MinimalOrg } from './minimal-org.ts';

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;
export type Response = LightMyRequestResponse;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send the CSRF header (default: true for unsafe methods). */
  csrf?: boolean;
  /** A raw payload (e.g. multipart) instead of JSON. */
  payload?: string | Buffer;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(
    readonly app: HttpApp,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...opts.headers };
    if ((opts.csrf ?? UNSAFE.has(method)) && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = await this.csrf();
    const cookie = this.cookieHeader();
    if (cookie && !('cookie' in headers)) headers.cookie = cookie;
    let payload: string | Buffer | undefined = opts.payload;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    this.remember(res);
    return res;
  }

  get = (url: string, opts?: RequestOptions) => this.request('GET', url, undefined, opts);
  post = (url: string, body?: unknown, opts?: RequestOptions) => this.request('POST', url, body, opts);
  put = (url: string, body?: unknown, opts?: RequestOptions) => this.request('PUT', url, body, opts);
  patch = (url: string, body?: unknown, opts?: RequestOptions) => this.request('PATCH', url, body, opts);

  /** The CSRF token bound to this client's secret cookie (fetched once). */
  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.request('GET', '/api/csrf');
      if (res.statusCode !== 200) throw new Error(`GET /api/csrf answered ${res.statusCode}: ${res.body}`);
      this.csrfToken = res.json<{ token: string }>().token;
    }
    return this.csrfToken;
  }

  /** Signs in; throws unless the answer is 200. */
  async login(employeeNumber: string, password: string = TEST_PASSWORD): Promise<Response> {
    const res = await this.post('/api/auth/login', { employeeNumber, password });
    if (res.statusCode !== 200)
      throw new Error(`login of ${employeeNumber} answered ${res.statusCode}: ${res.body}`);
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** Builds a multipart/form-data body by hand: one file part and text fields. */
export function multipart(
  file: { name?: string; filename: string; content: Buffer | string; type?: string },
  fields: Record<string, string> = {},
) {
  const boundary = `----mamori-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.filename}"\r\n` +
        `Content-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface ApiHarness {
  services: Services;
  app: HttpApp;
  readiness: { ready: boolean };
  org: MinimalOrg;
  client(headers?: Record<string, string>): HttpClient;
  /** A client already signed in as the person with this employee number. */
  signedIn(employeeNumber: string, headers?: Record<string, string>): Promise<HttpClient>;
  count(
    table: 'units' | 'sections' | 'people' | 'appointments' | 'sessions' | 'credentials',
  ): Promise<number>;
}

/** Services over a fresh database, the minimal organisation, and the HTTP app (closed when the test ends). */
export async function apiHarness(
  kind: DatabaseKind,
  opts: { clock?: Clock; env?: NodeJS.ProcessEnv; org?: boolean; beforeApp?: () => void } = {},
): Promise<ApiHarness> {
  const services = await testServices(kind, {
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  const org = opts.org === false ? (null as unknown as MinimalOrg) : await createMinimalOrg(services);
  opts.beforeApp?.();
  const readiness = { ready: true };
  const app = await createHttpApp(services, readiness);
  onTestFinished(() => app.close());
  const client = (headers?: Record<string, string>) => new HttpClient(app, headers);
  return {
    services,
    app,
    readiness,
    org,
    client,
    async signedIn(employeeNumber, headers) {
      const c = client(headers);
      await c.login(employeeNumber);
      return c;
    },
    async count(table) {
      const row = await services.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** The body of a problem+json answer. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  message: { ja: string; en: string };
  errors?: { path?: string; row?: number; code: string; message?: string }[];
  requestId: string;
}

export const problemOf = (res: Response): ProblemBody => res.json<ProblemBody>();
