import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  accountView,
  loginInput,
  preferencesInput,
  sessionSummary,
  sessionView,
  setupInput,
  signInRecord,
} from '../../../shared/api/identity.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/create-server.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App, RequestCtx } from '../../platform/http/types.ts';
import type { IdentityService, RequestMeta } from './identity.service.ts';
import type { SetupService } from './setup.service.ts';
import { loginAnswer } from '../../../shared/api/mfa.ts';
import { setChallengeCookie } from './sign-in-cookies.ts';

const tags = ['identity'];

export const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
  terminal: req.terminal,
});

const personParams = z.object({ id: z.uuid() });
const sessionParams = z.object({ id: z.string().min(1).max(64) });

/** Sign-in, sign-out, the session view and its keep-alive, one's own sessions and sign-ins, account unlock, preferences and first-run setup. */
export function identityRoutes(
  app: App,
  s: { identity: IdentityService; setup: SetupService; cookieSecure: 'auto' | boolean },
) {
  const view = (ctx: RequestCtx, reply: FastifyReply) => s.identity.sessionView(ctx, reply.generateCsrf());

  app.post(
    '/api/auth/login',
    {
      schema: { tags, body: loginInput, response: { 200: loginAnswer } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await s.identity.login(metaOf(req), req.body.employeeNumber, req.body.password);
      if (result.kind === 'challenge') {
        // A21: a second factor is due; the browser continues at /login/second-factor.
        setChallengeCookie(req, reply, result.challengeToken, s.cookieSecure);
        return { secondFactor: { methods: result.methods, enrolmentRequired: result.enrolmentRequired } };
      }
      setSessionCookie(req, reply, result.token, s.cookieSecure);
      return view(result.ctx, reply);
    },
  );
  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    if (req.ctx) await s.identity.logout(req.ctx);
    clearSessionCookie(req, reply, s.cookieSecure);
    return reply.status(204).send();
  });
  // A31: the browser's 「ログインを続ける」. Resolving the session already slid its idle limit.
  app.post('/api/session/keepalive', { schema: { tags } }, async (req, reply) => {
    await s.identity.keepAlive(requireCtx(req));
    return reply.status(204).send();
  });
  app.get('/api/me/sessions', { schema: { tags, response: { 200: z.array(sessionSummary) } } }, (req) =>
    s.identity.listSessions(requireCtx(req)),
  );
  app.post('/api/me/sessions/:id/end', { schema: { tags, params: sessionParams } }, async (req, reply) => {
    await s.identity.endOwnSession(requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
  app.get('/api/me/sign-ins', { schema: { tags, response: { 200: z.array(signInRecord) } } }, (req) =>
    s.identity.recentSignIns(requireCtx(req)),
  );
  app.get(
    '/api/people/:id/account',
    { schema: { tags, params: personParams, response: { 200: accountView } } },
    (req) => s.identity.account(requireCtx(req), req.params.id),
  );
  app.post('/api/people/:id/unlock', { schema: { tags, params: personParams } }, async (req, reply) => {
    await s.identity.unlock(requireCtx(req), req.params.id);
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
      const resolved = await s.identity.resolveSession(token, metaOf(req));
      return reply.status(201).send(await view(resolved!.ctx, reply));
    },
  );
}
