/**
 * Tables of mfa (issue 3, A21: a second factor at sign-in). Secrets are sealed (platform/keys.ts),
 * codes and tokens are stored as SHA-256 hashes only.
 */
export interface MfaTotpTable {
  person_id: string;
  /** The base32 seed sealed with keys.seal('totp', …). */
  secret_sealed: string;
  /** Null while the enrolment waits for its first code. */
  confirmed_at: string | null;
  /** The last time step (unix seconds / 30) accepted: a code is accepted once (replay refused). */
  last_step: number | null;
  created_at: string;
  last_used_at: string | null;
}

export interface MfaRecoveryCodeTable {
  id: string;
  person_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface MfaWebauthnCredentialTable {
  id: string;
  person_id: string;
  /** The authenticator's credential id, base64url. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** JSON array of transports ("usb", "internal", …). */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A pending sign-in waiting for its second factor, or a pending WebAuthn ceremony. */
export interface MfaChallengeTable {
  /** SHA-256 of the challenge cookie's token (or of a per-person key for self-service ceremonies). */
  id: string;
  person_id: string;
  /** How the person was identified: password, oidc, saml; 'ceremony' for self-service WebAuthn. */
  method: string;
  enrolment_required: number;
  /** The current WebAuthn challenge (base64url), if a ceremony is under way. */
  webauthn_challenge: string | null;
  attempts: number;
  created_at: string;
  expires_at: string;
}

export interface MfaTables {
  mfa_totp: MfaTotpTable;
  mfa_recovery_codes: MfaRecoveryCodeTable;
  mfa_webauthn_credentials: MfaWebauthnCredentialTable;
  mfa_challenges: MfaChallengeTable;
}
