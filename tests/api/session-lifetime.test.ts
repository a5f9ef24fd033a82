import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

describe.each(databases)('session lifetime over HTTP on %s', (kind) => {
  it('stops the sessions of a person marked inactive, and their sign-in', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    expect((await admin.patch(`/api/people/${api.org.staff.id}`, { active: false })).statusCode).toBe(200);
    expectProblem(await staff.get('/api/session'), 401, 'auth.required');
    const again = await api
      .client()
      .post('/api/auth/login', { employeeNumber: api.org.staff.employeeNumber, password: TEST_PASSWORD });
    expectProblem(again, 401, 'auth.invalid_credentials');
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const api = await apiHarness(kind);
    const client = await api.signedIn(api.org.staff.employeeNumber);
    const cookie = client.cookieHeader();
    expect((await client.get('/api/session')).statusCode).toBe(200);

    const out = await client.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(client.cookies.has('mamori_session')).toBe(false);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
    expectProblem(await api.client().get('/api/session', { headers: { cookie } }), 401, 'auth.required');
    const rows = await api.services.database.db.selectFrom('sessions').select('ended_at').execute();
    expect(rows.map((r) => r.ended_at)).toEqual([expect.any(String)]);
  });

  it('rejects a session unused for more than SESSION_IDLE_MINUTES; use keeps it alive', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    expect(api.services.config.sessionIdleMinutes).toBe(15);
    const client = await api.signedIn(api.org.staff.employeeNumber);

    clock.advanceMinutes(14);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    clock.advanceMinutes(14);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    clock.advanceMinutes(16);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
    // Once ended, it stays ended, even if the clock were to go back.
    clock.advanceMinutes(-16);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
    expect((await client.login(api.org.staff.employeeNumber)).statusCode).toBe(200);
  });

  it('ends a session at SESSION_MAX_HOURS even when it is used all the time', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock, env: { SESSION_MAX_HOURS: '2' } });
    const client = await api.signedIn(api.org.staff.employeeNumber);
    for (let minutes = 10; minutes < 120; minutes += 10) {
      clock.advanceMinutes(10);
      expect((await client.get('/api/session')).statusCode).toBe(200);
    }
    clock.advanceMinutes(10);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
  });
});
