import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ssoProviderCreate,
  ssoProviderUpdate,
  ssoProviderView,
  ssoPublicProvider,
} from '../../../shared/api/sso.ts';
import { cookieIsSecure, setSessionCookie } from '../../platform/http/create-server.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { RequestMeta, SignInResult } from '../identity/identity.service.ts';
import { setChallengeCookie } from '../identity/sign-in-cookies.ts';
import type { SsoProviderService } from './sso-provider.service.ts';
import { SsoRefusal } from './sso-refusal.ts';
import type { SsoSignInService } from './sso-signin.service.ts';
import { clearFlowCookie, flowCookieOf, setFlowCookie } from './sso-cookie.ts';

const tags = ['sso'];
const idParams = z.object({ id: z.uuid() });
// Not a uuid schema: a bad id must still send the browser back to the login page, not answer JSON.
const providerParams = z.object({ providerId: z.string().max(100) });

const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
});
/** This site's origin as the browser reached it (with TRUST_PROXY, the proxy's protocol and host). */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const backToLogin = (reply: FastifyReply, e: unknown) => {
  if (!(e instanceof SsoRefusal)) throw e;
  return reply.redirect(`/login?sso_error=${encodeURIComponent(e.code)}`, 303);
};

/** Single sign-on: the administrators' provider settings, the login page's list, and the flows. */
export function ssoRoutes(
  app: App,
  s: { providers: SsoProviderService; signIn: SsoSignInService; cookieSecure: 'auto' | boolean },
) {
  /** After the IdP identified the person: the session, or the second factor first (A21). */
  function signedIn(req: FastifyRequest, reply: FastifyReply, out: { result: SignInResult; next: string }) {
    if (out.result.kind === 'session') {
      setSessionCookie(req, reply, out.result.token, s.cookieSecure);
      return reply.redirect(out.next, 303);
    }
    setChallengeCookie(req, reply, out.result.challengeToken, s.cookieSecure);
    return reply.redirect(`/login/second-factor?next=${encodeURIComponent(out.next)}`, 303);
  }

  app.get(
    '/api/admin/sso/providers',
    { schema: { tags, response: { 200: z.array(ssoProviderView) } } },
    (req) => s.providers.list(requireCtx(req)),
  );
  app.post(
    '/api/admin/sso/providers',
    { schema: { tags, body: ssoProviderCreate, response: { 201: ssoProviderView } } },
    async (req, reply) => reply.status(201).send(await s.providers.create(requireCtx(req), req.body)),
  );
  app.put(
    '/api/admin/sso/providers/:id',
    { schema: { tags, params: idParams, body: ssoProviderUpdate, response: { 200: ssoProviderView } } },
    (req) => s.providers.update(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/auth/sso/providers',
    { schema: { tags, response: { 200: z.array(ssoPublicProvider) } } },
    () => s.providers.publicList(),
  );
  app.get(
    '/api/auth/sso/:providerId/start',
    {
      schema: {
        tags,
        params: providerParams,
        querystring: z.object({ next: z.string().max(2000).optional() }),
      },
    },
    async (req, reply) => {
      try {
        const { url, cookie, kind } = await s.signIn.start(
          req.params.providerId,
          req.query.next,
          originOf(req),
          metaOf(req),
          cookieIsSecure(req, s.cookieSecure),
        );
        if (cookie) setFlowCookie(req, reply, cookie, s.cookieSecure, kind === 'saml');
        return reply.redirect(url, 303);
      } catch (e) {
        return backToLogin(reply, e);
      }
    },
  );
  app.get(
    '/api/auth/oidc/:providerId/callback',
    { schema: { tags, params: providerParams } },
    async (req, reply) => {
      const cookie = flowCookieOf(req, s.cookieSecure);
      clearFlowCookie(req, reply, s.cookieSecure);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      try {
        return signedIn(
          req,
          reply,
          await s.signIn.finishOidc(req.params.providerId, cookie, query, metaOf(req)),
        );
      } catch (e) {
        return backToLogin(reply, e);
      }
    },
  );
  app.get(
    '/api/auth/saml/:providerId/metadata',
    { schema: { tags, params: providerParams } },
    async (req, reply) =>
      reply
        .type('application/samlmetadata+xml; charset=utf-8')
        .send(await s.signIn.samlMetadata(req.params.providerId, originOf(req))),
  );

  // The IdP posts the Response as a form (HTTP-POST binding): parsed here only, in this scope.
  void app.register((plugin, _opts, done) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 512 * 1024 },
      (_req, body, parsed) => parsed(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scoped.post(
      '/api/auth/saml/:providerId/acs',
      {
        schema: {
          tags,
          params: providerParams,
          body: z.object({
            SAMLResponse: z.string().max(500_000).optional(),
            RelayState: z.string().max(100).optional(),
          }),
        },
      },
      async (req, reply) => {
        const cookie = flowCookieOf(req, s.cookieSecure);
        if (cookie) clearFlowCookie(req, reply, s.cookieSecure);
        try {
          return signedIn(
            req,
            reply,
            await s.signIn.finishSaml(
              req.params.providerId,
              req.body.SAMLResponse,
              cookie,
              originOf(req),
              metaOf(req),
            ),
          );
        } catch (e) {
          return backToLogin(reply, e);
        }
      },
    );
    done();
  });
}
