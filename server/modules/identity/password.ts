import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';

// argon2id (A21-2: passwords protected from reading by strong hashing). Parameters per OWASP guidance.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = (encoded: string, password: string): Promise<boolean> =>
  verify(encoded, password).catch(() => false);

/** A21-2: the password rule. Minimal here; the identity issue makes it configurable and reviewable. */
export function assertPasswordAcceptable(password: string, employeeNumber: string): void {
  if (
    password.length < 12 ||
    password.length > 256 ||
    password.toLowerCase().includes(employeeNumber.toLowerCase())
  ) {
    throw new AppError('auth.weak_password');
  }
}
