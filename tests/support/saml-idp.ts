/**
 * A small SAML 2.0 IdP on loopback for the single sign-on tests, standing in for a GakuNin
 * Shibboleth IdP: it reads the SP's AuthnRequest (HTTP-Redirect), and answers with a Response whose
 * Assertion is signed with xml-crypto (RSA-SHA256, exclusive c14n), carrying `mail` and
 * `eduPersonPrincipalName` as urn:oid attributes. Tests can also build Responses directly, forged,
 * tampered, expired or for another audience.
 *
 * Keys: test-only pairs committed under tests/support/fixtures/ (node:crypto makes no X.509).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { freePort } from './ports.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
export const IDP_KEYS = { key: read('saml-idp.key.pem'), cert: read('saml-idp.cert.pem') };
export const FORGER_KEYS = { key: read('saml-forger.key.pem'), cert: read('saml-forger.cert.pem') };

const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The id and ACS URL of the AuthnRequest carried by an HTTP-Redirect URL. */
export function readAuthnRequest(url: string): { id: string; acsUrl: string | null; issuer: string | null } {
  const encoded = new URL(url).searchParams.get('SAMLRequest');
  if (!encoded) throw new Error('no SAMLRequest in the URL');
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  return {
    id: /\sID="([^"]+)"/.exec(xml)![1]!,
    acsUrl: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? null,
    issuer: /<(?:saml2?:)?Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? null,
  };
}

export interface ResponseOptions {
  idpEntityId: string;
  inResponseTo: string;
  acsUrl: string;
  audience: string;
  attributes: { mail?: string; eppn?: string };
  /** Seconds from now until the assertion expires (negative: already expired). Default 300. */
  validForSeconds?: number;
  /** The key pair that signs (default: the IdP's). */
  keys?: { key: string; cert: string };
  /** Leave the assertion unsigned. */
  unsigned?: boolean;
}

/** A base64 SAMLResponse with a signed Assertion, as the IdP posts it to the ACS. */
export function samlResponse(o: ResponseOptions): string {
  const now = new Date();
  const iso = (offsetS: number) => new Date(now.getTime() + offsetS * 1000).toISOString();
  const until = iso(o.validForSeconds ?? 300);
  const issued = iso(Math.min(0, (o.validForSeconds ?? 300) - 300));
  const attribute = (name: string, friendly: string, value: string | undefined) =>
    value === undefined
      ? ''
      : `<saml:Attribute Name="${name}" FriendlyName="${friendly}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${esc(value)}</saml:AttributeValue></saml:Attribute>`;
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a${randomUUID()}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${esc(o.idpEntityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_n${randomUUID()}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(o.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${esc(o.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="_s${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attribute(MAIL, 'mail', o.attributes.mail)}${attribute(EPPN, 'eduPersonPrincipalName', o.attributes.eppn)}</saml:AttributeStatement>` +
    `</saml:Assertion>`;
  const response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${issued}" Destination="${esc(o.acsUrl)}" InResponseTo="${esc(o.inResponseTo)}">` +
    `<saml:Issuer>${esc(o.idpEntityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  if (o.unsigned) return Buffer.from(response).toString('base64');
  const keys = o.keys ?? IDP_KEYS;
  const sig = new SignedXml({
    privateKey: keys.key,
    publicCert: keys.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(response, {
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
  });
  return Buffer.from(sig.getSignedXml()).toString('base64');
}

export interface SamlIdp {
  entityId: string;
  ssoUrl: string;
  cert: string;
  stop(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Test IdP (SAML)</title></head><body><main><h1>テスト用IdP (SAML)</h1>${body}</main></body></html>`;

/**
 * Starts the IdP on 127.0.0.1: GET /sso shows a sign-in form (the login names an account), whose
 * POST answers an auto-posting form to the SP's ACS with the signed Response.
 */
export async function startSamlIdp(opts: {
  audience: string;
  accounts: Record<string, { mail?: string; eppn?: string }>;
}): Promise<SamlIdp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const entityId = `${origin}/idp/shibboleth`;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'GET' && url.pathname === '/sso') {
        const request = url.search.slice(1);
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            page(
              `<form method="post" action="/sso/login?${esc(request)}"><label for="login">ログイン名</label><input id="login" name="login" autocomplete="off"><button type="submit">サインイン</button></form>`,
            ),
          );
        return;
      }
      if (req.method === 'POST' && url.pathname === '/sso/login') {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        const account = opts.accounts[new URLSearchParams(body).get('login') ?? ''];
        const authn = readAuthnRequest(`${origin}/sso${url.search}`);
        if (!account || !authn.acsUrl) {
          res
            .writeHead(403, { 'content-type': 'text/html; charset=utf-8' })
            .end(page('<p>unknown account</p>'));
          return;
        }
        const SAMLResponse = samlResponse({
          idpEntityId: entityId,
          inResponseTo: authn.id,
          acsUrl: authn.acsUrl,
          audience: opts.audience,
          attributes: account,
        });
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            page(
              `<form id="post" method="post" action="${esc(authn.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${SAMLResponse}"><button type="submit">続ける</button></form><script>document.getElementById('post').submit()</script>`,
            ),
          );
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    entityId,
    ssoUrl: `${origin}/sso`,
    cert: IDP_KEYS.cert,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
