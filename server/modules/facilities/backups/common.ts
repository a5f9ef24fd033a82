import { isAppError } from '../../../platform/errors.ts';

/** The web page of backups and restore tests (A27): gaps and notices link here. */
export const BACKUPS_PATH = '/facilities/backups';

/**
 * A stable code for what went wrong (never a message: it may carry a path or a server's answer).
 * The engine throws AppErrors or Errors whose message is a code (backup.…); anything else is
 * recorded as `fallback`.
 */
export function errorCode(e: unknown, fallback: string): string {
  if (isAppError(e)) return e.code;
  const message = e instanceof Error ? e.message : '';
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^backup\.[a-z_]+$/.test(code)) return code;
  return /^backup\.[a-z_]+$/.test(message) ? message : fallback;
}
