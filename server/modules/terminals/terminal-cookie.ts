import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieIsSecure } from '../../platform/http/create-server.ts';
import type { Keys } from '../../platform/keys.ts';

export const TERMINAL_COOKIE = 'mamori_terminal';
/** Over https: Secure, Path=/, no Domain, so no sibling host can plant a device credential. */
export const SECURE_TERMINAL_COOKIE = '__Host-mamori_terminal';
const PURPOSE = 'terminal-cookie';
/** A registered browser stays one for a year; the manager revokes it earlier when needed (A29). */
const MAX_AGE_SECONDS = 365 * 24 * 3600;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A new device credential: the cookie value (`id.secret.signature`) and the hash to store. */
export function newDeviceCredential(keys: Keys, terminalId: string): { cookie: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  const body = `${terminalId}.${secret}`;
  return { cookie: `${body}.${keys.sign(PURPOSE, body)}`, secretHash: sha256(secret) };
}

/**
 * The terminal id and secret of a cookie whose signature is ours; null for a forged or altered one
 * (which is then ignored, never an error).
 */
export function readDeviceCredential(
  keys: Keys,
  value: string | undefined,
): { terminalId: string; secret: string } | null {
  if (!value || value.length > 300) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [terminalId, secret, signature] = parts as [string, string, string];
  if (!keys.verify(PURPOSE, `${terminalId}.${secret}`, signature)) return null;
  return { terminalId, secret };
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function terminalCookieName(request: FastifyRequest, cookieSecure: 'auto' | boolean): string {
  return cookieIsSecure(request, cookieSecure) ? SECURE_TERMINAL_COOKIE : TERMINAL_COOKIE;
}

/** The device credential as it arrived with this request (only the cookie that applies is read). */
export const terminalCookieOf = (request: FastifyRequest, cookieSecure: 'auto' | boolean) =>
  request.cookies[terminalCookieName(request, cookieSecure)];

/** Sets the device credential: HttpOnly (scripts never see it), SameSite=Strict, long-lived. */
export function setTerminalCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  cookieSecure: 'auto' | boolean,
): void {
  void reply.setCookie(terminalCookieName(request, cookieSecure), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieIsSecure(request, cookieSecure),
    maxAge: MAX_AGE_SECONDS,
  });
}
