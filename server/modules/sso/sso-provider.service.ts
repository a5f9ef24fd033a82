import {
  ssoProviderCreate,
  ssoProviderUpdate,
  type SsoProviderView,
  type SsoPublicProvider,
} from '../../../shared/api/sso.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { SsoProviderTable } from '../../platform/db/schema-sso.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Keys } from '../../platform/keys.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { presentProvider, presentPublicProvider, providerSnapshot } from './sso.presenters.ts';
import { ssoRepo, type SsoProviderRow } from './sso.repo.ts';

export interface SsoProviderDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  keys: Keys;
}

type Settings = Pick<
  SsoProviderTable,
  'issuer_url' | 'client_id' | 'client_secret_sealed' | 'idp_sso_url' | 'idp_cert' | 'sp_entity_id'
>;

/** What each kind needs before it can be enabled (an OIDC client, or a SAML IdP and our entity id). */
function checkComplete(kind: string, s: Settings): void {
  const required: [keyof Settings, string][] =
    kind === 'oidc'
      ? [
          ['issuer_url', 'issuerUrl'],
          ['client_id', 'clientId'],
          ['client_secret_sealed', 'clientSecret'],
        ]
      : [
          ['idp_sso_url', 'idpSsoUrl'],
          ['idp_cert', 'idpCert'],
          ['sp_entity_id', 'spEntityId'],
        ];
  const details: ErrorDetail[] = required
    .filter(([column]) => !s[column])
    .map(([, path]) => ({ path, code: 'required' }));
  if (details.length) throw new AppError('sso.invalid_config', { details });
}

/** Enabling and disabling a provider are events of their own: an auditor looks for them. */
const eventOf = (wasEnabled: number, isEnabled: number) =>
  wasEnabled === isEnabled
    ? 'sso.provider_updated'
    : isEnabled
      ? 'sso.provider_enabled'
      : 'sso.provider_disabled';

/**
 * Identity providers configured per unit (issue 3, A21): an Entra ID tenant (OIDC) or a GakuNin
 * IdP (SAML) identifies existing people of one unit. Kept by the システム管理者; every change is
 * audited; the OIDC client secret is sealed at rest and never answered.
 */
export function createSsoProviderService(deps: SsoProviderDeps) {
  const { database, authz, keys } = deps;
  const seal = (secret: string | null) => (secret ? keys.seal('sso', secret) : null);

  async function found(id: string) {
    const row = await ssoRepo.get(database.db, id);
    if (!row) throw new AppError('sso.provider_not_found');
    return row;
  }

  /** Every provider, per unit. */
  async function list(ctx: Ctx): Promise<SsoProviderView[]> {
    await authz.assertCan(ctx, 'read', 'SsoProvider');
    return (await ssoRepo.list(database.db)).map(presentProvider);
  }

  /** Creates a provider of a unit; throws sso.invalid_config when an enabled one lacks settings. */
  async function create(ctx: Ctx, raw: unknown): Promise<SsoProviderView> {
    await authz.assertCan(ctx, 'create', 'SsoProvider');
    const input = ssoProviderCreate.parse(raw);
    if (!(await ssoRepo.unitExists(database.db, input.unitId)))
      throw new AppError('organisation.unit_not_found');
    const now = deps.clock.now().toISOString();
    const row: SsoProviderRow = {
      id: newId(),
      unit_id: input.unitId,
      kind: input.kind,
      display_name: input.displayName,
      enabled: input.enabled ? 1 : 0,
      match_by: input.matchBy,
      issuer_url: input.issuerUrl,
      client_id: input.clientId,
      client_secret_sealed: seal(input.clientSecret),
      idp_sso_url: input.idpSsoUrl,
      idp_cert: input.idpCert,
      idp_entity_id: input.idpEntityId,
      sp_entity_id: input.spEntityId,
      created_at: now,
      updated_at: now,
    };
    checkComplete(row.kind, row);
    await database.transaction(async (tx) => {
      await ssoRepo.insert(tx, row);
      await deps.ledger.audit(tx, ctx, {
        type: 'sso.provider_created',
        subjectType: 'SsoProvider',
        subjectId: row.id,
        after: providerSnapshot(row),
      });
    });
    return presentProvider(await found(row.id));
  }

  /** Edits a provider (also enables or disables it); an empty client secret keeps the stored one. */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<SsoProviderView> {
    await authz.assertCan(ctx, 'update', 'SsoProvider');
    const input = ssoProviderUpdate.parse(raw);
    const { unit_name: _unit, ...before } = await found(id);
    const after: SsoProviderRow = {
      ...before,
      display_name: input.displayName,
      enabled: input.enabled ? 1 : 0,
      match_by: input.matchBy,
      issuer_url: input.issuerUrl,
      client_id: input.clientId,
      client_secret_sealed: input.clientSecret ? seal(input.clientSecret) : before.client_secret_sealed,
      idp_sso_url: input.idpSsoUrl,
      idp_cert: input.idpCert,
      idp_entity_id: input.idpEntityId,
      sp_entity_id: input.spEntityId,
      updated_at: deps.clock.now().toISOString(),
    };
    checkComplete(after.kind, after);
    await database.transaction(async (tx) => {
      const { id: _id, unit_id: _u, kind: _k, created_at: _c, ...patch } = after;
      await ssoRepo.update(tx, id, patch);
      await deps.ledger.audit(tx, ctx, {
        type: eventOf(before.enabled, after.enabled),
        subjectType: 'SsoProvider',
        subjectId: id,
        before: providerSnapshot(before),
        after: {
          ...providerSnapshot(after),
          client_secret_replaced: Boolean(input.clientSecret),
        },
      });
    });
    return presentProvider(await found(id));
  }

  /** The enabled providers, for the login page (public: names of units and providers only). */
  async function publicList(): Promise<SsoPublicProvider[]> {
    return (await ssoRepo.list(database.db)).filter((p) => p.enabled === 1).map(presentPublicProvider);
  }

  /** An enabled provider for a sign-in, or sso.provider_not_found / sso.provider_disabled. */
  async function forSignIn(id: string) {
    const row = await ssoRepo.get(database.db, id);
    if (!row) throw new AppError('sso.provider_not_found');
    if (row.enabled !== 1) throw new AppError('sso.provider_disabled');
    return row;
  }

  /** The OIDC client secret, opened for the token request only. */
  const clientSecretOf = (row: SsoProviderRow) =>
    row.client_secret_sealed ? keys.open('sso', row.client_secret_sealed) : null;

  return { list, create, update, publicList, forSignIn, clientSecretOf, get: found };
}

export type SsoProviderService = ReturnType<typeof createSsoProviderService>;
