import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordRule } from '../../../shared/errors-password.ts';
import { PASSWORD_RULE_MESSAGES } from '../../../shared/errors-password.ts';
import { AppError } from '../../platform/errors.ts';

// argon2id (A21-2: passwords protected from reading by strong hashing). Parameters per OWASP guidance.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = (encoded: string, password: string): Promise<boolean> =>
  verify(encoded, password).catch(() => false);

/** The rules of the organisation's password policy that a candidate password is checked against. */
export interface PasswordRules {
  minLength: number;
  maxLength: number;
  /** How many of lower, upper, digit, symbol must appear (0 = no composition rule, NIST default). */
  requiredClasses: number;
}

/** NIST SP 800-63B defaults (A21-2): length 12 to 256, no composition rule, no forced change. */
export const DEFAULT_RULES: PasswordRules = { minLength: 12, maxLength: 256, requiredClasses: 0 };

/** Words that always make a password guessable here, whoever sets it. */
const ORGANISATION_WORDS = ['mamori', 'kosen'];
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** What a password must not contain: the person's employee number and names (lower-cased, spaces removed). */
export interface PasswordContext {
  employeeNumber: string;
  names?: (string | null | undefined)[];
}

const classesOf = (p: string) =>
  [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(p)).length;

/**
 * The rules a password breaks (empty when acceptable): length, the shipped list of common passwords
 * (case-insensitive), context words, one repeated character, and the character classes when the
 * institution requires them. Reuse is checked by the caller, which holds the hashes.
 */
export function brokenRules(
  password: string,
  rules: PasswordRules,
  context: PasswordContext,
): PasswordRule[] {
  const broken: PasswordRule[] = [];
  const length = [...password].length;
  if (length < rules.minLength) broken.push('too_short');
  if (length > rules.maxLength) broken.push('too_long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) broken.push('common');
  const words = [context.employeeNumber, ...(context.names ?? []), ...ORGANISATION_WORDS]
    .map((w) => (w ?? '').replace(/[\s\u3000]+/g, '').toLowerCase())
    .filter((w) => w.length >= 2);
  if (words.some((w) => lower.includes(w))) broken.push('context');
  if (length > 0 && new Set(password).size === 1) broken.push('repeated');
  if (rules.requiredClasses > 0 && classesOf(password) < rules.requiredClasses) broken.push('classes');
  return broken;
}

/** Throws 422 password.rejected listing each broken rule (codes and messages, never the password). */
export function rejectPassword(broken: PasswordRule[]): never {
  throw new AppError('password.rejected', {
    details: broken.map((code) => ({
      path: 'password',
      code: `password.${code}`,
      message: PASSWORD_RULE_MESSAGES[code].ja,
    })),
  });
}
