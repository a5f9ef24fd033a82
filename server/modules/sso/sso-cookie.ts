import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieIsSecure } from '../../platform/http/create-server.ts';
import { PENDING_MINUTES } from './sso-pending.ts';

/**
 * The flow cookie: a random value whose hash keys (OIDC: state, nonce, PKCE verifier) or binds
 * (SAML) the pending sign-in on the server. HttpOnly; SameSite=Lax for OIDC, whose answer comes back
 * as a top-level GET; SameSite=None (https only) for SAML, whose answer is a cross-site POST.
 */
const FLOW_COOKIE = 'mamori_sso';
const SECURE_FLOW_COOKIE = '__Host-mamori_sso';
const nameOf = (req: FastifyRequest, secure: 'auto' | boolean) =>
  cookieIsSecure(req, secure) ? SECURE_FLOW_COOKIE : FLOW_COOKIE;
const options = (req: FastifyRequest, secure: 'auto' | boolean) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: cookieIsSecure(req, secure),
});

export const setFlowCookie = (
  req: FastifyRequest,
  reply: FastifyReply,
  value: string,
  secure: 'auto' | boolean,
  crossSitePost = false,
) =>
  void reply.setCookie(nameOf(req, secure), value, {
    ...options(req, secure),
    ...(crossSitePost ? { sameSite: 'none' as const, secure: true } : {}),
    maxAge: PENDING_MINUTES * 60,
  });
export const clearFlowCookie = (req: FastifyRequest, reply: FastifyReply, secure: 'auto' | boolean) =>
  void reply.clearCookie(nameOf(req, secure), options(req, secure));
export const flowCookieOf = (req: FastifyRequest, secure: 'auto' | boolean): string | null =>
  req.cookies[nameOf(req, secure)] ?? null;
