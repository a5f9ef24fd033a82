/**
 * Brute force is slowed, then locked (issue 3, A21-2): from the 2nd failure in a row the next attempt
 * waits 1 s, 2 s, 4 s … (429 auth.slow_down with Retry-After), and the 5th failure locks for 15
 * minutes (423 auth.locked). The state is kept per submitted identifier, so an unknown employee
 * number answers exactly like an existing one. With a controllable clock, on both databases.
 */
import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, type ApiHarness, type Response } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

/** What an attacker sees of an answer: status, body without the request id, Retry-After. */
const seen = (res: Response) => {
  const body = res.json<Record<string, unknown>>();
  return { status: res.statusCode, body: { ...body, requestId: '' }, retryAfter: res.headers['retry-after'] };
};

async function bruteForce(
  api: ApiHarness,
  clock: MutableClock,
  employeeNumber: string,
  right: string,
  ip: string,
) {
  // Each run from its own address: the per-address request limit (20 a minute) is another guard.
  const client = api.client({ 'x-forwarded-for': ip });
  const attempt = (password: string) => client.post('/api/auth/login', { employeeNumber, password });
  const answers: ReturnType<typeof seen>[] = [];
  const record = async (password: string) => {
    const res = await attempt(password);
    answers.push(seen(res));
    return res;
  };
  expectProblem(await record('wrong-1'), 401, 'auth.invalid_credentials');
  expectProblem(await record('wrong-2'), 401, 'auth.invalid_credentials');
  // Too soon: refused before the password is looked at, even the right one.
  const slowed = expectProblem(await record(right), 429, 'auth.slow_down');
  expect(slowed.detail).toBeTruthy();
  clock.advanceSeconds(1);
  expectProblem(await record('wrong-3'), 401, 'auth.invalid_credentials');
  expectProblem(await record('wrong-4'), 429, 'auth.slow_down');
  clock.advanceSeconds(2);
  expectProblem(await record('wrong-4'), 401, 'auth.invalid_credentials');
  clock.advanceSeconds(3);
  expectProblem(await record('wrong-5'), 429, 'auth.slow_down');
  clock.advanceSeconds(1);
  expectProblem(await record('wrong-5'), 423, 'auth.locked');
  expectProblem(await record(right), 423, 'auth.locked');
  clock.advanceMinutes(14);
  expectProblem(await record(right), 423, 'auth.locked');
  clock.advanceMinutes(1);
  return { answers, last: await attempt(right) };
}

describe.each(databases)('sign-in slow-down and lockout (A21-2) on %s', (kind) => {
  it('slows down then locks a known and an unknown employee number with indistinguishable answers', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock, env: { TRUST_PROXY: 'true' } });
    const known = await bruteForce(api, clock, api.org.staff.employeeNumber, TEST_PASSWORD, '192.0.2.1');
    const unknown = await bruteForce(api, clock, 'Z9999', TEST_PASSWORD, '192.0.2.2');
    expect(known.answers.map((a) => a.retryAfter)).toEqual([
      undefined,
      undefined,
      '1',
      undefined,
      '2',
      undefined,
      '1',
      '900',
      '900',
      '60',
    ]);
    expect(unknown.answers).toEqual(known.answers);
    // After the lock lifts the right password works again; the unknown number still fails as before.
    expect(known.last.statusCode).toBe(200);
    expectProblem(unknown.last, 401, 'auth.invalid_credentials');
    // The throttle keeps no employee number in the clear.
    const rows = await api.services.database.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(JSON.stringify(rows)).not.toMatch(/Z9999|T0005/i);
  });

  it('treats the same number in other case or with spaces as the same identifier; others are not affected', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const client = api.client();
    const number = api.org.staff.employeeNumber;
    await client.post('/api/auth/login', { employeeNumber: number, password: 'wrong-1' });
    await client.post('/api/auth/login', {
      employeeNumber: ` ${number.toLowerCase()} `,
      password: 'wrong-2',
    });
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber: number, password: TEST_PASSWORD }),
      429,
      'auth.slow_down',
    );
    expect((await api.client().login(api.org.admin.employeeNumber)).statusCode).toBe(200);
  });

  it('a wrong current password when changing one’s password counts as a failed sign-in', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const change = (currentPassword: string) =>
      staff.post('/api/me/password', { currentPassword, newPassword: 'Quiet-Lantern-Orbit-71' });
    expectProblem(await change('not-it-1'), 400, 'password.current_wrong');
    expectProblem(await change('not-it-2'), 400, 'password.current_wrong');
    expectProblem(await change(TEST_PASSWORD), 429, 'auth.slow_down');
    expectProblem(
      await api
        .client()
        .post('/api/auth/login', { employeeNumber: api.org.staff.employeeNumber, password: TEST_PASSWORD }),
      429,
      'auth.slow_down',
    );
    const failures = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.sign_in_failed',
    });
    expect(failures.filter((f) => f.payload?.reason === 'password_change')).toHaveLength(2);
    clock.advanceSeconds(1);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
  });
});
