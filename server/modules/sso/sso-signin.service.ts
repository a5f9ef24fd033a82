import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Keys } from '../../platform/keys.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { IdentityService, RequestMeta, SignInResult } from '../identity/identity.service.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { createOidcFlow } from './oidc-flow.ts';
import { createSamlFlow } from './saml-flow.ts';
import type { SsoProviderService } from './sso-provider.service.ts';
import { createPendingStore } from './sso-pending.ts';
import { SsoRefusal } from './sso-refusal.ts';
import { ssoRepo, type SsoProviderRow } from './sso.repo.ts';

/** Where the routes of a provider live, from the site's origin (the IdP is told these). */
export const ssoPaths = {
  oidcCallback: (id: string) => `/api/auth/oidc/${id}/callback`,
  samlAcs: (id: string) => `/api/auth/saml/${id}/acs`,
  samlMetadata: (id: string) => `/api/auth/saml/${id}/metadata`,
};

/**
 * Signing in through an identity provider of a unit (issue 3, A21). The IdP only identifies a person:
 * an existing, active person of THAT unit, by mail or eduPersonPrincipalName; it never creates people
 * or roles. Then the sign-in goes through identity.beginSignIn like a password sign-in (second factor
 * included). Every refusal is audited with a reason code, never with what the IdP sent.
 */
export function createSsoSignInService(deps: {
  database: Database;
  ledger: Ledger;
  clock: Clock;
  keys: Keys;
  providers: SsoProviderService;
  identity: IdentityService;
}) {
  const { database, ledger } = deps;
  const pending = createPendingStore(deps);
  const oidc = createOidcFlow({ pending, clientSecretOf: deps.providers.clientSecretOf });
  const saml = createSamlFlow({ pending });

  const anonymous = (meta: RequestMeta): Ctx => ({
    actor: { kind: 'system', label: 'anonymous' },
    requestId: meta.requestId,
    ip: meta.ip,
    terminal: null,
  });

  /** Audits a refusal (reason code only) and rethrows it for the route to send the browser back. */
  async function refuse(meta: RequestMeta, providerId: string, e: unknown): Promise<never> {
    const refusal = e instanceof SsoRefusal ? e : new SsoRefusal('sso.rejected', 'invalid_response');
    await ledger.audit(database.db, anonymous(meta), {
      type: 'sso.sign_in_refused',
      subjectType: 'SsoProvider',
      subjectId: /^[0-9a-f-]{36}$/.test(providerId) ? providerId : null,
      data: { reason: refusal.reason },
    });
    throw refusal;
  }

  async function provider(id: string): Promise<SsoProviderRow> {
    try {
      return await deps.providers.forSignIn(id);
    } catch (e) {
      const disabled = (e as { code?: string }).code === 'sso.provider_disabled';
      throw new SsoRefusal(
        disabled ? 'sso.provider_disabled' : 'sso.provider_not_found',
        disabled ? 'provider_disabled' : 'provider_missing',
      );
    }
  }

  /** The person of the provider's unit the IdP named; throws SsoRefusal(sso.not_matched). */
  async function identify(row: SsoProviderRow, value: string | null): Promise<string> {
    if (!value) throw new SsoRefusal('sso.not_matched', 'no_identifier');
    const by = row.match_by === 'eppn' ? 'eppn' : 'email';
    const matches = await ssoRepo.peopleMatching(database.db, row.unit_id, by, value.trim());
    if (matches.length === 0) {
      const elsewhere = await ssoRepo.existsElsewhere(database.db, row.unit_id, by, value.trim());
      throw new SsoRefusal('sso.not_matched', elsewhere ? 'other_unit' : 'unknown_person');
    }
    if (matches.length > 1) throw new SsoRefusal('sso.not_matched', 'ambiguous_person');
    if (matches[0]!.active !== 1) throw new SsoRefusal('sso.not_matched', 'inactive_person');
    return matches[0]!.id;
  }

  async function signIn(
    row: SsoProviderRow,
    meta: RequestMeta,
    value: string | null,
    next: string,
  ): Promise<{ result: SignInResult; next: string }> {
    const personId = await identify(row, value);
    await ledger.audit(database.db, anonymous(meta), {
      type: 'sso.person_identified',
      subjectType: 'Person',
      subjectId: personId,
      data: { providerId: row.id, kind: row.kind },
    });
    const result = await deps.identity.beginSignIn(personId, meta, row.kind === 'saml' ? 'saml' : 'oidc');
    return { result, next: safeNext(next) };
  }

  return {
    /**
     * Starts a sign-in: answers the IdP's URL and the value for the browser's flow cookie (OIDC
     * always; SAML when `bindSaml`, i.e. over https where a SameSite=None cookie can be set).
     * Throws SsoRefusal (audited).
     */
    async start(
      providerId: string,
      next: string | undefined,
      origin: string,
      meta: RequestMeta,
      bindSaml: boolean,
    ): Promise<{ url: string; cookie: string | null; kind: 'oidc' | 'saml' }> {
      try {
        const row = await provider(providerId);
        const target = safeNext(next);
        if (row.kind === 'oidc')
          return { ...(await oidc.start(row, target, origin + ssoPaths.oidcCallback(row.id))), kind: 'oidc' };
        const cookie = bindSaml ? pending.newKey() : null;
        const url = await saml.start(row, target, origin + ssoPaths.samlAcs(row.id), cookie);
        return { url, cookie, kind: 'saml' };
      } catch (e) {
        return refuse(meta, providerId, e);
      }
    },
    /** The OIDC callback: checks the answer against the cookie's pending sign-in, then signs in. */
    async finishOidc(providerId: string, cookie: string | null, query: string, meta: RequestMeta) {
      try {
        const row = await provider(providerId);
        if (row.kind !== 'oidc') throw new SsoRefusal('sso.provider_not_found', 'provider_missing');
        const { value, next } = await oidc.finish(row, cookie, query);
        return await signIn(row, meta, value, next);
      } catch (e) {
        return refuse(meta, providerId, e);
      }
    },
    /** The SAML ACS: validates the posted Response, then signs in. */
    async finishSaml(
      providerId: string,
      samlResponse: string | undefined,
      cookie: string | null,
      origin: string,
      meta: RequestMeta,
    ) {
      try {
        const row = await provider(providerId);
        if (row.kind !== 'saml') throw new SsoRefusal('sso.provider_not_found', 'provider_missing');
        const { value, next } = await saml.finish(
          row,
          samlResponse,
          origin + ssoPaths.samlAcs(row.id),
          cookie,
        );
        return await signIn(row, meta, value, next);
      } catch (e) {
        return refuse(meta, providerId, e);
      }
    },
    /** SP metadata XML of a SAML provider (public: nothing secret in it). */
    async samlMetadata(providerId: string, origin: string): Promise<string> {
      const row = await deps.providers.get(providerId);
      if (row.kind !== 'saml' || !row.sp_entity_id) throw new AppError('sso.provider_not_found');
      return saml.metadata(row, origin + ssoPaths.samlAcs(row.id));
    },
  };
}

export type SsoSignInService = ReturnType<typeof createSsoSignInService>;
