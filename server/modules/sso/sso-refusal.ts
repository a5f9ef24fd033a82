import type { SsoFlowError } from '../../../shared/errors-sso.ts';

/**
 * Why a single sign-on was refused: the code the browser is sent back with (/login?sso_error=…)
 * and the reason written to the ledger. Neither carries personal data.
 */
export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoFlowError,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'SsoRefusal';
  }
}

/** Reason codes of refusals, for the audit record (A21: every failed sign-in is an audit event). */
export type RefusalReason =
  | 'provider_missing'
  | 'provider_disabled'
  | 'no_pending'
  | 'pending_used'
  | 'pending_expired'
  | 'state_mismatch'
  | 'issuer_mismatch'
  | 'token_invalid'
  | 'idp_error'
  | 'idp_unreachable'
  | 'no_identifier'
  | 'unknown_person'
  | 'other_unit'
  | 'inactive_person'
  | 'ambiguous_person'
  | 'signature'
  | 'expired'
  | 'audience'
  | 'in_response_to'
  | 'browser_mismatch'
  | 'invalid_response';
