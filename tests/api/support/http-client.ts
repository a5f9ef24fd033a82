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
import { stepOf, totpCode } from '../../../server/modules/identity/mfa/totp.ts';

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

  /**
   * Signs in; throws unless the answer is 200. When the server asks for a second factor (A21), the
   * client completes it as a person would (see completeSecondFactor) and answers GET /api/session.
   */
  async login(employeeNumber: string, password: string = TEST_PASSWORD): Promise<Response> {
    const res = await this.post('/api/auth/login', { employeeNumber, password });
    if (res.statusCode !== 200)
      throw new Error(`login of ${employeeNumber} answered ${res.statusCode}: ${res.body}`);
    const body = res.json<{ secondFactor?: { enrolmentRequired: boolean } }>();
    if (!body.secondFactor) return res;
    await completeSecondFactor(this, employeeNumber, body.secondFactor.enrolmentRequired);
    return this.get('/api/session');
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

/**
 * The authenticator app of each test person, per app: the TOTP seed enrolled at their first
 * sign-in (through the real enrolment routes), the last time step used, and their recovery codes.
 * The server refuses a step used before (replay); with the tests' fixed clock the client uses the
 * steps of the ±1 window in turn and then a recovery code, as a person without a new code would.
 */
interface Authenticator {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}
const authenticators = new WeakMap<HttpApp, { clock: Clock | null; people: Map<string, Authenticator> }>();
const authenticatorsOf = (app: HttpApp) => {
  let state = authenticators.get(app);
  if (!state) authenticators.set(app, (state = { clock: null, people: new Map() }));
  return state;
};
/** Tells the client the server's clock (TOTP codes depend on the time). */
export const useServerClock = (app: HttpApp, clock: Clock) => {
  authenticatorsOf(app).clock = clock;
};
/** The test person's authenticator, if they enrolled one at sign-in through this client. */
export const authenticatorOf = (app: HttpApp, employeeNumber: string) =>
  authenticatorsOf(app).people.get(employeeNumber);

async function completeSecondFactor(client: HttpClient, employeeNumber: string, enrolmentRequired: boolean) {
  const state = authenticatorsOf(client.app);
  const step = stepOf(state.clock?.now() ?? new Date());
  const fail = (res: Response) => {
    throw new Error(`second factor of ${employeeNumber} answered ${res.statusCode}: ${res.body}`);
  };
  if (enrolmentRequired) {
    const setup = await client.post('/api/auth/second-factor/totp/setup');
    if (setup.statusCode !== 200) fail(setup);
    const secret = setup.json<{ secret: string }>().secret;
    const res = await client.post('/api/auth/second-factor/totp/confirm', { code: totpCode(secret, step) });
    if (res.statusCode !== 200) fail(res);
    const recoveryCodes = res.json<{ recoveryCodes: string[] }>().recoveryCodes;
    state.people.set(employeeNumber, { secret, lastStep: step, recoveryCodes });
    return;
  }
  const known = state.people.get(employeeNumber);
  if (!known) throw new Error(`${employeeNumber} has a second factor this client does not know`);
  const next = [step - 1, step, step + 1].find((s) => s > known.lastStep);
  const res =
    next !== undefined
      ? await client.post('/api/auth/second-factor/totp', { code: totpCode(known.secret, next) })
      : await client.post('/api/auth/second-factor/recovery', { code: known.recoveryCodes.shift() ?? '' });
  if (res.statusCode !== 200) fail(res);
  if (next !== undefined) known.lastStep = next;
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
  useServerClock(app, services.clock);
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

/**
 * A client signed in as a person through a session started directly (no password or second factor
 * steps): for tests about what a signed-in person may do, not about signing in.
 */
export async function sessionClient(app: HttpApp, services: Services, personId: string): Promise<HttpClient> {
  const token = await services.identity.startSession(personId, {
    ip: null,
    userAgent: null,
    requestId: null,
  });
  const client = new HttpClient(app);
  client.cookies.set('mamori_session', token);
  return client;
}
