import * as oidc from 'openid-client';
import type { PendingStore } from './sso-pending.ts';
import { SsoRefusal } from './sso-refusal.ts';
import type { SsoProviderRow } from './sso.repo.ts';

interface OidcSecrets {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

/** Plain http is allowed for an issuer on this machine only (the tests' local IdP), never elsewhere. */
export const isLoopbackHttp = (url: URL) =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const CACHE_MS = 10 * 60_000;
/** The claim that identifies the person: `email` (Entra ID: add it as an optional claim) or `eppn`. */
const claimOf = (row: SsoProviderRow) => (row.match_by === 'eppn' ? 'eppn' : 'email');

/**
 * OpenID Connect sign-in (Entra ID and the like): authorization code with PKCE, state and nonce
 * (openid-client). The IdP's answer is checked for state, issuer, audience, nonce and signature;
 * the caller then identifies the person by the `email` (or `eppn`) claim.
 */
export function createOidcFlow(deps: {
  pending: PendingStore;
  clientSecretOf: (row: SsoProviderRow) => string | null;
}) {
  const configs = new Map<string, { at: number; config: oidc.Configuration }>();

  async function configOf(row: SsoProviderRow): Promise<oidc.Configuration> {
    const key = `${row.id}|${row.updated_at}`;
    const cached = configs.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.config;
    const issuer = new URL(row.issuer_url!);
    if (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer))
      throw new SsoRefusal('sso.unavailable', 'idp_unreachable');
    try {
      const config = await oidc.discovery(
        issuer,
        row.client_id!,
        undefined,
        oidc.ClientSecretPost(deps.clientSecretOf(row) ?? undefined),
        isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
      configs.set(key, { at: Date.now(), config });
      return config;
    } catch {
      throw new SsoRefusal('sso.unavailable', 'idp_unreachable');
    }
  }

  /** The IdP's authorization URL, and the random value to keep in the browser's cookie. */
  async function start(row: SsoProviderRow, next: string, redirectUri: string) {
    const config = await configOf(row);
    const secrets: OidcSecrets = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      redirectUri,
    };
    const cookie = deps.pending.newKey();
    await deps.pending.put(cookie, row.id, next, secrets);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state: secrets.state,
      nonce: secrets.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(secrets.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie };
  }

  /**
   * Checks the IdP's answer (the callback's query) against the pending sign-in of the cookie;
   * answers the identifying claim and where to go next. Throws SsoRefusal.
   */
  async function finish(row: SsoProviderRow, cookie: string | null, query: string) {
    if (!cookie) throw new SsoRefusal('sso.expired', 'no_pending');
    const { next, secrets } = await deps.pending.take<OidcSecrets>(cookie, row.id);
    if (!secrets) throw new SsoRefusal('sso.expired', 'no_pending');
    const params = new URLSearchParams(query);
    if (params.get('state') !== secrets.state) throw new SsoRefusal('sso.rejected', 'state_mismatch');
    if (params.has('error')) throw new SsoRefusal('sso.idp_error', 'idp_error');
    const config = await configOf(row);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${secrets.redirectUri}?${query}`), {
        pkceCodeVerifier: secrets.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      claims = idToken;
      // The id token may carry only `sub` (the claims then come from userinfo, for the same subject).
      if (idToken && idToken[claimOf(row)] === undefined)
        claims = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : '';
      const text = e instanceof Error ? `${e.message} ${cause}` : '';
      throw new SsoRefusal(
        'sso.rejected',
        /\biss\b|issuer/i.test(text) ? 'issuer_mismatch' : 'token_invalid',
      );
    }
    if (!claims) throw new SsoRefusal('sso.rejected', 'token_invalid');
    const value = claims[claimOf(row)];
    return { value: typeof value === 'string' ? value : null, next };
  }

  return { start, finish };
}

export type OidcFlow = ReturnType<typeof createOidcFlow>;
