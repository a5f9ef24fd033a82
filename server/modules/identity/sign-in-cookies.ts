import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieIsSecure } from '../../platform/http/create-server.ts';

/**
 * The challenge cookie: between "the person is identified" (password, OIDC, SAML) and "the second
 * factor is given" (A21). HttpOnly, short-lived, and only its hash is stored on the server.
 */
export const CHALLENGE_COOKIE = 'mamori_signin';
export const SECURE_CHALLENGE_COOKIE = '__Host-mamori_signin';
/** How long a pending sign-in waits for its second factor. */
export const CHALLENGE_MINUTES = 5;

const nameOf = (request: FastifyRequest, cookieSecure: 'auto' | boolean) =>
  cookieIsSecure(request, cookieSecure) ? SECURE_CHALLENGE_COOKIE : CHALLENGE_COOKIE;

export function setChallengeCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  cookieSecure: 'auto' | boolean,
): void {
  void reply.setCookie(nameOf(request, cookieSecure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(request, cookieSecure),
    maxAge: CHALLENGE_MINUTES * 60,
  });
}

export const challengeCookieOf = (request: FastifyRequest, cookieSecure: 'auto' | boolean) =>
  request.cookies[nameOf(request, cookieSecure)] ?? null;

export function clearChallengeCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | boolean,
): void {
  void reply.clearCookie(nameOf(request, cookieSecure), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(request, cookieSecure),
  });
}
