import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { expectProblem, sessionCookie } from './support/expect-problem.ts';
import { apiHarness } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';

describe.each(databases)('rate limits on %s', (kind) => {
  it('allows 20 sign-in attempts a minute; the 21st gets 429 request.too_many', async () => {
    const api = await apiHarness(kind, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const client = api.client();
    for (let i = 0; i < 20; i++) {
      const res = await client.post('/api/auth/login', {
        employeeNumber: `X${i}`,
        password: 'not-the-password',
      });
      expect(res.statusCode).toBe(401);
    }
    const limited = await client.post('/api/auth/login', {
      employeeNumber: api.org.staff.employeeNumber,
      password: TEST_PASSWORD,
    });
    expectProblem(limited, 429, 'request.too_many');
    expect(sessionCookie(limited)).toBeUndefined();
    // Only the sign-in route is that strict.
    expect((await client.get('/api/csrf')).statusCode).toBe(200);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
  });

  it('applies RATE_LIMIT_PER_MINUTE to every other route', async () => {
    const api = await apiHarness(kind, { env: { RATE_LIMIT_PER_MINUTE: '5' } });
    const client = api.client();
    for (let i = 0; i < 5; i++) expect((await client.get('/api/setup')).statusCode).toBe(200);
    expectProblem(await client.get('/api/setup'), 429, 'request.too_many');
  });
});
