import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { installErrorHandler, sendProblem } from './error-handler.ts';
import type { App, RequestCtx } from './types.ts';

export interface ServerOptions {
  logLevel: string;
  rateLimitPerMinute: number;
  trustProxy: string | boolean;
  /**
   * Resolves the session cookie to the caller's context, or null. `token` is the cookie to keep:
   * a different one when the session was rotated (privilege change, A31).
   */
  resolveSession: (
    token: string,
    request: FastifyRequest,
  ) => Promise<{ ctx: RequestCtx; token: string } | null>;
  /** COOKIE_SECURE: 'auto' follows the request's protocol (with TRUST_PROXY, x-forwarded-proto). */
  cookieSecure: 'auto' | boolean;
  /** Folder of the built web app (index.html), served with an SPA fallback when it exists. */
  webRoot: string | null;
  /** Whether start-up (migrations, demo) is done; until then everything but /healthz answers 503. */
  isReady: () => boolean;
  /** Told of every route as it is added (tests enumerate the route table with it). */
  onRoute?: ((route: RouteOptions) => void) | undefined;
  /**
   * Resolves the terminal of an /api request from its device credential (A29), or null. Runs before
   * resolveSession so the caller's ctx carries it (`request.terminal`, then `ctx.terminal`).
   */
  resolveTerminal?: ((request: FastifyRequest) => Promise<string | null>) | undefined;
}

export const SESSION_COOKIE = 'mamori_session';
/** Over https the cookie carries the __Host- prefix: Secure, Path=/ and no Domain, so no sibling host can set it. */
export const SECURE_SESSION_COOKIE = '__Host-mamori_session';

/** Whether the session cookie of this request is a Secure (__Host-) one. */
export function cookieIsSecure(request: FastifyRequest, cookieSecure: 'auto' | boolean): boolean {
  return cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure;
}

/** The name of the session cookie that applies to this request (only that one is read). */
export function sessionCookieName(request: FastifyRequest, cookieSecure: 'auto' | boolean): string {
  return cookieIsSecure(request, cookieSecure) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  cookieSecure: 'auto' | boolean,
): void {
  void reply.setCookie(sessionCookieName(request, cookieSecure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(request, cookieSecure),
  });
}

export function clearSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | boolean,
): void {
  void reply.clearCookie(sessionCookieName(request, cookieSecure), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(request, cookieSecure),
  });
}
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** SAML's assertion consumer service (HTTP-POST binding from the IdP): no CSRF token, see the hook. */
const SAML_ACS = /^\/api\/auth\/saml\/[^/?]+\/acs(\?|$)/;

// A URL is logged without its query string: a query could carry a name (no personal data in logs).
const serializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    method: req.method,
    url: req.url.split('?')[0],
    id: req.id,
  }),
};

/** The Fastify server with our safety rails: CSP, rate limits, CSRF, request ids, problem+json. */
export async function createServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: opts.logLevel,
      serializers,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: opts.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('ctx', null);
  app.decorateRequest('terminal', null);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, { max: opts.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(cookie);
  await app.register(csrf, { cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: false } });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Mamori API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (!opts.isReady() && request.url !== '/healthz')
      return sendProblem(request, reply, 'server.unavailable');
    // Only the API needs the caller; static files and the app's pages are the same for everyone.
    const token = request.url.startsWith('/api/')
      ? request.cookies[sessionCookieName(request, opts.cookieSecure)]
      : undefined;
    if (!token) return;
    if (opts.resolveTerminal) request.terminal = await opts.resolveTerminal(request);
    const resolved = await opts.resolveSession(token, request);
    request.ctx = resolved?.ctx ?? null;
    // A rotated session: the browser gets the new id with this answer, the old one soon stops working.
    if (resolved && resolved.token !== token)
      setSessionCookie(request, reply, resolved.token, opts.cookieSecure);
  });
  // CSRF: every state-changing API call carries the token bound to the caller's secret cookie.
  // The one exemption: SAML's ACS, posted by the IdP's form, is protected by the signed assertion.
  app.addHook('onRequest', (request, reply, done) => {
    if (UNSAFE.has(request.method) && request.url.startsWith('/api/') && !SAML_ACS.test(request.url))
      app.csrfProtection(request, reply, done);
    else done();
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) =>
    opts.isReady() ? { status: 'ok' } : reply.status(503).send({ status: 'starting' }),
  );
  app.get('/api/csrf', { schema: { tags: ['identity'] } }, async (_request, reply) => ({
    token: reply.generateCsrf(),
  }));

  const webRoot = opts.webRoot && fs.existsSync(path.join(opts.webRoot, 'index.html')) ? opts.webRoot : null;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method === 'GET' &&
      webRoot &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0] ?? '')
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, 'request.not_found');
  });
  return app;
}
