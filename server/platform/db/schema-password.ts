/**
 * Tables of password (issue 3, A21-2): the organisation's password policy and its reviews, each
 * person's password history (for age, forced change and reuse), and the sign-in throttle kept per
 * submitted identifier (so that unknown and existing accounts behave alike).
 */
export interface PasswordPolicyTable {
  /** Always 'organisation': one policy for the whole organisation. */
  id: string;
  min_length: number;
  max_length: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must use; 0 = none. */
  required_classes: number;
  /** Days after which a password must be changed at the next sign-in; null = never (NIST default). */
  max_age_days: number | null;
  /** How many previous passwords may not be reused; 0 = off. */
  history_count: number;
  /** A21-2: the date (YYYY-MM-DD, Tokyo) by which the policy must be reviewed again. */
  next_review_on: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface PasswordHistoryTable {
  id: string;
  person_id: string;
  /** 1, 2, 3 … per person: the order in which the passwords were set. */
  seq: number;
  password_hash: string;
  set_at: string;
  /** 1 when set by an administrator (or setup) as temporary: must be changed at next sign-in. */
  must_change: number;
  set_by: string | null;
}

export interface SignInThrottleTable {
  /** HMAC of the normalised employee number as submitted (no plain identifier is stored). */
  id: string;
  failures: number;
  last_failure_at: string;
  /** Until when further attempts are refused with auth.slow_down. */
  next_attempt_at: string | null;
  locked_until: string | null;
}

export interface PasswordTables {
  password_policy: PasswordPolicyTable;
  password_history: PasswordHistoryTable;
  sign_in_throttle: SignInThrottleTable;
}
