/**
 * An OpenID Connect provider on loopback for the single sign-on tests (oidc-provider), standing in
 * for Entra ID. Its sign-in page is a one-field form: the test (or the browser test's user) types
 * the account's login and the IdP answers with that account's claims (`email`, `eppn`).
 *
 *   const idp = await startOidcIdp({ redirectUris: [`${origin}/api/auth/oidc/${id}/callback`],
 *     accounts: { tanaka: { email: 'tanaka@example.jp' } } });
 *   … idp.issuer, idp.clientId, idp.clientSecret …
 *   await idp.stop();
 */
import http from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './ports.ts';

export interface OidcIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

const page = (
  uid: string,
) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Test IdP</title></head>
<body><main><h1>テスト用IdP (OIDC)</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="login">ログイン名</label><input id="login" name="login" autocomplete="off">
<button type="submit">サインイン</button></form></main></body></html>`;

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/** Starts the IdP on 127.0.0.1 (a free port unless given); `redirectUris` are the client's. */
export async function startOidcIdp(opts: {
  redirectUris: string[];
  accounts: Record<string, Record<string, string>>;
  port?: number;
  clientId?: string;
}): Promise<OidcIdp> {
  const port = opts.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = opts.clientId ?? 'mamori-test';
  const clientSecret = 'test-client-secret-for-loopback-only';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['eppn'] },
    findAccount: (_ctx: unknown, sub: string) =>
      opts.accounts[sub]
        ? { accountId: sub, claims: () => ({ sub, email_verified: true, ...opts.accounts[sub] }) }
        : undefined,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['loopback-test-only'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
  });
  const callback = provider.callback();
  const server = http.createServer((req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!m) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (!m[2]) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(details.uid));
          return;
        }
        const login = (await formOf(req)).get('login') ?? '';
        if (!opts.accounts[login]) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(details.uid));
          return;
        }
        const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id! });
        grant.addOIDCScope(details.params.scope ?? 'openid');
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
