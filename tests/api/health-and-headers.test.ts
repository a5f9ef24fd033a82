import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { apiHarness, problemOf, type Response } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function directives(res: Response): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );
}

describe.each(databases)('health, headers and docs on %s', (kind) => {
  it('GET /healthz answers 200 {"status":"ok"} when ready', async () => {
    const api = await apiHarness(kind, { org: false });
    const res = await api.client().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 on /healthz and server.unavailable on every other route until ready', async () => {
    const api = await apiHarness(kind, { org: false });
    api.readiness.ready = false;
    const client = api.client();

    const health = await client.get('/healthz');
    expect(health.statusCode).toBe(503);
    expect(health.json<{ status: string }>().status).not.toBe('ok');

    for (const [method, url] of [
      ['GET', '/api/csrf'],
      ['GET', '/api/session'],
      ['GET', '/api/setup'],
      ['GET', '/api/units'],
      ['GET', '/api/docs/json'],
      ['GET', '/some/page'],
    ] as const) {
      expectProblem(await client.request(method, url), 503, 'server.unavailable');
    }
    const login = await client.post(
      '/api/auth/login',
      { employeeNumber: 'T0001', password: 'x' },
      { headers: { 'x-csrf-token': 'none' } },
    );
    expectProblem(login, 503, 'server.unavailable');

    api.readiness.ready = true;
    expect((await client.get('/healthz')).statusCode).toBe(200);
    expect((await client.get('/api/csrf')).statusCode).toBe(200);
  });

  it('gives every answer its own x-request-id and ignores one sent by the client', async () => {
    const api = await apiHarness(kind, { org: false });
    const client = api.client();
    const a = await client.get('/healthz');
    const b = await client.get('/api/session');
    const c = await client.get('/healthz', { headers: { 'x-request-id': 'chosen-by-client' } });
    for (const res of [a, b, c]) expect(String(res.headers['x-request-id'])).toMatch(UUID);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(problemOf(b).requestId).toBe(b.headers['x-request-id']);
  });

  it('sends security headers with a strict CSP on JSON, problem and 503 answers', async () => {
    const api = await apiHarness(kind, { org: false });
    const client = api.client();
    const answers = [
      await client.get('/healthz'),
      await client.get('/api/session'),
      await client.get('/api/x'),
    ];
    api.readiness.ready = false;
    answers.push(await client.get('/api/units'));

    for (const res of answers) {
      const csp = directives(res);
      expect(csp.get('default-src')).toBe("'self'");
      const scriptSrc = csp.get('script-src') ?? csp.get('default-src')!;
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(scriptSrc).not.toContain('unsafe-eval');
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeTruthy();
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const api = await apiHarness(kind, { org: false });
    const client = api.client();
    const spec = await client.get('/api/docs/json');
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths['/api/appointments'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    for (const path of [
      '/api/auth/login',
      '/api/session',
      '/api/units',
      '/api/people/search',
      '/api/organisation/gaps',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths).not.toHaveProperty(['/healthz']);

    const ui = await client.get('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers an unknown API path with 404 request.not_found as problem+json', async () => {
    const api = await apiHarness(kind, { org: false });
    const client = api.client();
    const body = expectProblem(await client.get('/api/x'), 404, 'request.not_found');
    expect(body.detail).toBe(body.message.ja);
    expect(body.type).toBe('urn:mamori:error:request.not_found');
    expectProblem(
      await client.get('/api/x', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }),
      404,
      'request.not_found',
    );
    expect(problemOf(await client.get('/api/x', { headers: { 'accept-language': 'en' } })).detail).toBe(
      body.message.en,
    );
    expectProblem(await client.post('/api/x', {}), 404, 'request.not_found');
  });
});
