import { createHash, randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';

/** TOTP as most authenticator apps speak it (RFC 6238): SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD = 30;
/** Steps accepted either side of now (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
export const ISSUER = 'Mamori';

const totpOf = (secret: string, label = 'mamori') =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

/** A fresh random seed (160 bits), base32. */
export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, label: string): string => totpOf(secret, label).toString();

/** The time step of an instant. */
export const stepOf = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_PERIOD);

/** The code of a time step (the demo CLI and the tests use it). */
export const totpCode = (secret: string, step: number): string =>
  totpOf(secret).generate({ timestamp: step * TOTP_PERIOD * 1000 });

/**
 * The time step the code belongs to, within ±TOTP_WINDOW of now, or null. Replay is the caller's
 * business: a step is accepted only once (it must be later than the last accepted step).
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : stepOf(now) + delta;
}

/** Recovery codes: 10 single-use codes of 12 characters from a 31-letter alphabet (59 bits each). */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no i, l, o, 0, 1: easy to read aloud and type
export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
/** The stored form of a recovery code: SHA-256 of the normalised code (case, spaces, hyphens ignored). */
export const recoveryHash = (code: string): string =>
  createHash('sha256')
    .update(`mamori.recovery:${code.toLowerCase().replace(/[\s-]/g, '')}`)
    .digest('hex');
