import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginInput, preferencesInput, sessionView, setupInput } from '../../../shared/api/identity.ts';
import { SESSION_COOKIE } from '../../platform/http/create-server.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App, RequestCtx } from '../../platform/http/types.ts';
import type { IdentityService, RequestMeta } from './identity.service.ts';
import type { SetupService } from './setup.service.ts';

const tags = ['identity'];

export const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
});

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, secure: 'auto' | boolean) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure === 'auto' ? req.protocol === 'https' : secure,
  });
}

/** Sign-in, sign-out, the session view, preferences and first-run setup. */
export function identityRoutes(
  app: App,
  s: { identity: IdentityService; setup: SetupService; cookieSecure: 'auto' | boolean },
) {
  const view = (ctx: RequestCtx, reply: FastifyReply) => s.identity.sessionView(ctx, reply.generateCsrf());

  app.post(
    '/api/auth/login',
    {
      schema: { tags, body: loginInput, response: { 200: sessionView } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, ctx } = await s.identity.login(metaOf(req), req.body.employeeNumber, req.body.password);
      setSessionCookie(req, reply, token, s.cookieSecure);
      return view(ctx, reply);
    },
  );
  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    if (req.ctx) await s.identity.logout(req.ctx);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  app.get('/api/session', { schema: { tags, response: { 200: sessionView } } }, (req, reply) =>
    view(requireCtx(req), reply),
  );
  app.put(
    '/api/preferences',
    { schema: { tags, body: preferencesInput, response: { 200: sessionView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      await s.identity.setPreferences(ctx, req.body);
      return view({ ...ctx, locale: req.body.locale }, reply);
    },
  );

  app.get(
    '/api/setup',
    { schema: { tags, response: { 200: z.object({ needed: z.boolean() }) } } },
    async () => ({
      needed: await s.setup.needed(),
    }),
  );
  app.post(
    '/api/setup',
    {
      schema: { tags, body: setupInput, response: { 201: sessionView } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const personId = await s.setup.createFirstAdministrator(req.body);
      const token = await s.identity.startSession(personId, metaOf(req));
      setSessionCookie(req, reply, token, s.cookieSecure);
      const ctx = await s.identity.resolveSession(token, metaOf(req));
      return reply.status(201).send(await view(ctx!, reply));
    },
  );
}
