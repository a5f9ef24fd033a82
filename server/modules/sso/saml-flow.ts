import { createHash } from 'node:crypto';
import { SAML, ValidateInResponseTo, type CacheProvider, type SamlConfig } from '@node-saml/node-saml';
import type { PendingStore } from './sso-pending.ts';
import { SsoRefusal, type RefusalReason } from './sso-refusal.ts';
import type { SsoProviderRow } from './sso.repo.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Attribute names of mail and eduPersonPrincipalName: the GakuNin (urn:oid) and friendly ones. */
const MAIL = ['urn:oid:0.9.2342.19200300.100.1.3', 'mail', 'email'];
const EPPN = ['urn:oid:1.3.6.1.4.1.5923.1.1.1.6', 'eduPersonPrincipalName', 'eppn'];

/** The root Response's InResponseTo: only a key to look the request up; node-saml checks it. */
function inResponseToOf(samlResponse: string): string | null {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const root = /<(?:[\w-]+:)?Response\b[^>]*>/.exec(xml)?.[0];
  return root ? (/\sInResponseTo="([^"]{1,200})"/.exec(root)?.[1] ?? null) : null;
}

/** A reason code from node-saml's error text (the text itself is never logged: it may quote the IdP). */
function reasonOf(e: unknown): RefusalReason {
  const text = e instanceof Error ? e.message : '';
  // node-saml only drops a subject confirmation for its timestamps: none left means expired.
  if (/expired|NotOnOrAfter|NotBefore|too old|no valid subject confirmation/i.test(text)) return 'expired';
  if (/audience/i.test(text)) return 'audience';
  if (/InResponseTo/i.test(text)) return 'in_response_to';
  if (/signature|signed|cert/i.test(text)) return 'signature';
  if (/issuer/i.test(text)) return 'issuer_mismatch';
  return 'invalid_response';
}

/**
 * SAML 2.0 service provider (GakuNin Shibboleth IdPs): AuthnRequest by HTTP-Redirect, Response by
 * HTTP-POST to the ACS. Assertions must be signed by the configured IdP certificate, addressed to our
 * entity id (audience), within their validity, and answer a request we sent (InResponseTo, once).
 */
export function createSamlFlow(deps: { pending: PendingStore }) {
  const samlOf = (row: SsoProviderRow, acsUrl: string, cacheProvider?: CacheProvider) => {
    const config: SamlConfig = {
      entryPoint: row.idp_sso_url!,
      issuer: row.sp_entity_id!,
      callbackUrl: acsUrl,
      idpCert: row.idp_cert!,
      audience: row.sp_entity_id!,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      acceptedClockSkewMs: 60_000,
      ...(row.idp_entity_id ? { idpIssuer: row.idp_entity_id } : {}),
      ...(cacheProvider ? { cacheProvider } : {}),
    };
    return new SAML(config);
  };

  /**
   * The IdP's URL carrying our AuthnRequest; its id is kept server-side for one answer. Over https
   * the request is also bound to the browser (`browserKey`, in a SameSite=None cookie), so that an
   * assertion obtained by someone else cannot be posted from another browser (login CSRF).
   */
  async function start(
    row: SsoProviderRow,
    next: string,
    acsUrl: string,
    browserKey: string | null,
  ): Promise<string> {
    const remember: CacheProvider = {
      saveAsync: async (key, value) => {
        await deps.pending.put(key, row.id, next, browserKey ? { browser: sha256(browserKey) } : null);
        return { value, createdAt: Date.now() };
      },
      getAsync: () => Promise.resolve(null),
      removeAsync: () => Promise.resolve(null),
    };
    return samlOf(row, acsUrl, remember).getAuthorizeUrlAsync('', undefined, {});
  }

  /** Validates a posted SAMLResponse; answers the identifying attribute and where to go next. */
  async function finish(
    row: SsoProviderRow,
    samlResponse: string | undefined,
    acsUrl: string,
    browserKey: string | null,
  ) {
    if (!samlResponse) throw new SsoRefusal('sso.rejected', 'invalid_response');
    const requestId = inResponseToOf(samlResponse);
    if (!requestId) throw new SsoRefusal('sso.rejected', 'in_response_to');
    // One use: the request is taken before the signature is checked, so a replay always fails.
    const { next, secrets } = await deps.pending.take<{ browser: string }>(requestId, row.id);
    if (secrets && (!browserKey || sha256(browserKey) !== secrets.browser))
      throw new SsoRefusal('sso.rejected', 'browser_mismatch');
    const known: CacheProvider = {
      saveAsync: () => Promise.resolve(null),
      // The pending store has already refused a request older than its window on Mamori's clock
      // (pending_expired, far shorter than node-saml's 8 hours); node-saml measures the same age on
      // the wall clock, so it is told "now" rather than judging again with a second clock (with a
      // fixed test clock the two drift apart and every sign-in failed once they were 8 hours apart).
      getAsync: (key) => Promise.resolve(key === requestId ? new Date().toISOString() : null),
      removeAsync: () => Promise.resolve(null),
    };
    let profile;
    try {
      ({ profile } = await samlOf(row, acsUrl, known).validatePostResponseAsync({
        SAMLResponse: samlResponse,
      }));
    } catch (e) {
      throw new SsoRefusal(reasonOf(e) === 'expired' ? 'sso.expired' : 'sso.rejected', reasonOf(e));
    }
    if (!profile) throw new SsoRefusal('sso.rejected', 'invalid_response');
    const names = row.match_by === 'eppn' ? EPPN : MAIL;
    const attrs = profile as Record<string, unknown>;
    const found = names.map((n) => attrs[n]).find((v) => v !== undefined);
    const value: unknown = Array.isArray(found) ? (found as unknown[])[0] : found;
    return { value: typeof value === 'string' ? value : null, next };
  }

  /** Our SP metadata (entity id, ACS, signed assertions wanted) for the IdP or the GakuNin registry. */
  const metadata = (row: SsoProviderRow, acsUrl: string) =>
    samlOf(row, acsUrl).generateServiceProviderMetadata(null, null);

  return { start, finish, metadata };
}

export type SamlFlow = ReturnType<typeof createSamlFlow>;
