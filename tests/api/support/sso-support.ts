/**
 * Helpers of the single sign-on API tests: the organisation with Mamori's HTTP app (reached with
 * app.inject as http://mamori.test), a システム管理者's client, and a small cookie jar to walk the
 * identity provider's pages (real HTTP on loopback) the way a browser would.
 */
import { onTestFinished } from 'vitest';
import { createHttpApp, type Services } from '../../../server/app.ts';
import type { DatabaseKind } from '../../support/databases.ts';
import { buildOrg, type Org } from '../../support/org-fixture.ts';
import { testServices } from '../../support/test-services.ts';
import { HttpClient, type HttpApp } from './http-client.ts';

export const ORIGIN = 'http://mamori.test';
export const HOST = { host: 'mamori.test' };

export interface SsoHarness {
  services: Services;
  app: HttpApp;
  org: Org;
  /** A browser without a session (sends Host: mamori.test). */
  browser(): HttpClient;
  /** The システム管理者, signed in. */
  admin(): Promise<HttpClient>;
  /** The reasons of the refusals audited so far, newest first. */
  refusals(): Promise<string[]>;
}

export async function ssoHarness(kind: DatabaseKind, env: NodeJS.ProcessEnv = {}): Promise<SsoHarness> {
  const services = await testServices(kind, { env });
  const org = await buildOrg(services);
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  return {
    services,
    app,
    org,
    browser: () => new HttpClient(app, HOST),
    async admin() {
      const token = await services.identity.startSession(org.people.sysadmin, {
        ip: null,
        userAgent: null,
        requestId: null,
      });
      const client = new HttpClient(app, HOST);
      client.cookies.set(
        services.config.cookieSecure === true ? '__Host-mamori_session' : 'mamori_session',
        token,
      );
      return client;
    },
    async refusals() {
      const rows = await services.ledger.list(services.database.db, { type: 'sso.sign_in_refused' });
      return rows.map((r) => String(r.payload?.reason));
    },
  };
}

/** Cookies of one site, as a browser keeps them (enough for the test IdPs). */
export class CookieJar {
  private readonly jar = new Map<string, string>();
  header = () => [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
    }
  }
}

/**
 * Walks the OIDC IdP from its authorization URL: follows redirects, fills the sign-in form with
 * `login`, and answers the URL the IdP finally sends the browser to on Mamori (the callback).
 */
export async function oidcIdpSignIn(authorizationUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(ORIGIN)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    let location = res.headers.get('location');
    if (res.status === 200 && /\/interaction\/[\w-]+$/.test(new URL(url).pathname)) {
      const posted = await fetch(`${url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
      jar.store(posted);
      location = posted.headers.get('location');
    }
    if (!location)
      throw new Error(`the IdP answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the IdP');
}

/** The path and query of a URL on Mamori (what app.inject is given). */
export const onMamori = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
