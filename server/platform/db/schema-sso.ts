/**
 * Tables of single sign-on (issue 3, A21): identity providers per unit, and pending sign-ins
 * (OIDC state/nonce/PKCE, SAML request ids) kept on the server for one use. People gain a nullable
 * eduPersonPrincipalName (`eppn`, unique), by which a GakuNin IdP may identify them.
 */
export interface SsoProviderTable {
  id: string;
  unit_id: string;
  kind: string; // 'oidc' | 'saml'
  display_name: string;
  enabled: number;
  /** Which attribute identifies the person: 'email' (people.email, case-insensitive) or 'eppn'. */
  match_by: string;
  issuer_url: string | null;
  client_id: string | null;
  /** keys.seal('sso', secret): never stored in plain text, never sent back to the browser. */
  client_secret_sealed: string | null;
  idp_sso_url: string | null;
  idp_cert: string | null;
  idp_entity_id: string | null;
  sp_entity_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SsoPendingTable {
  /** SHA-256 of the random value in the browser's cookie (OIDC), or of the AuthnRequest id (SAML). */
  id: string;
  provider_id: string;
  /** keys.seal('sso', JSON of state, nonce, PKCE verifier, redirect URI): one-time secrets, sealed. */
  secrets_sealed: string | null;
  next: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SsoTables {
  sso_providers: SsoProviderTable;
  sso_pending: SsoPendingTable;
  /** Merged into the foundation's people table: added by migration 0005-sso. */
  people: { eppn: string | null };
}
