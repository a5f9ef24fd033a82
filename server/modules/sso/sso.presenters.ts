import type { SsoProviderView, SsoPublicProvider } from '../../../shared/api/sso.ts';
import type { SsoKind, SsoMatchBy } from '../../../shared/api/sso.ts';
import type { SsoProviderRow } from './sso.repo.ts';

type WithUnit = SsoProviderRow & { unit_name: string };

/** An administrator's view of a provider: the client secret only as "set" (never sent back). */
export const presentProvider = (p: WithUnit): SsoProviderView => ({
  id: p.id,
  unitId: p.unit_id,
  unitName: p.unit_name,
  kind: p.kind as SsoKind,
  displayName: p.display_name,
  enabled: p.enabled === 1,
  matchBy: p.match_by as SsoMatchBy,
  issuerUrl: p.issuer_url,
  clientId: p.client_id,
  clientSecretSet: p.client_secret_sealed !== null,
  idpSsoUrl: p.idp_sso_url,
  idpCert: p.idp_cert,
  idpEntityId: p.idp_entity_id,
  spEntityId: p.sp_entity_id,
  updatedAt: p.updated_at,
});

export const presentPublicProvider = (p: WithUnit): SsoPublicProvider => ({
  id: p.id,
  unitName: p.unit_name,
  displayName: p.display_name,
  kind: p.kind as SsoKind,
});

/** The audit snapshot of a provider: settings without the secret. */
export const providerSnapshot = (p: SsoProviderRow) => {
  const { client_secret_sealed, ...rest } = p;
  return { ...rest, client_secret_set: client_secret_sealed !== null };
};
