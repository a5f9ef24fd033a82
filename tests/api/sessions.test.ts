import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccountView, SessionSummary, SessionView, SignInRecord } from '../../shared/api/identity.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe.each(databases)('sessions (A31) over HTTP on %s', (kind) => {
  it('session view carries the idle timeout (15 minutes by default) and the absolute end', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const client = await api.signedIn(api.org.staff.employeeNumber);
    const view = (await client.get('/api/session')).json<SessionView>();
    expect(view.idleTimeoutSeconds).toBe(15 * 60);
    expect(Date.parse(view.expiresAt) - clock.now().getTime()).toBe(12 * 3600_000);
  });

  it('keepalive answers 204 and slides the idle limit; without a session it is 401', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const client = await api.signedIn(api.org.staff.employeeNumber);
    clock.advanceMinutes(14);
    expect((await client.post('/api/session/keepalive')).statusCode).toBe(204);
    clock.advanceMinutes(14);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    expectProblem(await api.client().post('/api/session/keepalive'), 401, 'auth.required');
  });

  it('session fixation fails: a cookie value set before sign-in is not valid after it', async () => {
    const api = await apiHarness(kind);
    const client = api.client();
    const planted = 'attacker-chosen-session-value-0123456789abcdef';
    client.cookies.set('mamori_session', planted);
    expectProblem(await client.get('/api/session'), 401, 'auth.required');
    await client.login(api.org.staff.employeeNumber);
    const issued = client.cookies.get('mamori_session');
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    // The planted value still leads nowhere, and no session row was created from it.
    expectProblem(
      await api.client().get('/api/session', { headers: { cookie: `mamori_session=${planted}` } }),
      401,
      'auth.required',
    );
    const ids = (await api.services.database.db.selectFrom('sessions').select('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).not.toContain(sha256(planted));
    // A second sign-in from the same browser gets yet another id.
    await client.login(api.org.staff.employeeNumber);
    expect(client.cookies.get('mamori_session')).not.toBe(issued);
  });

  it('rotates the session id when the person’s roles change; other sessions rotate at their own next request', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const president = await api.signedIn(api.org.president.employeeNumber);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const staffElsewhere = await api.signedIn(api.org.staff.employeeNumber);
    const before = staff.cookies.get('mamori_session')!;
    const elsewhereBefore = staffElsewhere.cookies.get('mamori_session')!;
    expect((await staff.get('/api/session')).json<SessionView>().roles).toEqual([]);

    const appointed = await president.post('/api/appointments', {
      role: 'committee_member',
      personId: api.org.staff.id,
      basis: '理事長決定',
    });
    expect(appointed.statusCode, appointed.body).toBe(201);

    const res = await staff.get('/api/session');
    expect(res.statusCode).toBe(200);
    expect(res.json<SessionView>().roles.map((r) => r.role)).toEqual(['committee_member']);
    const after = staff.cookies.get('mamori_session')!;
    expect(after).not.toBe(before);
    expect((await staff.get('/api/session')).statusCode).toBe(200);
    expect(staff.cookies.get('mamori_session')).toBe(after);

    // The other session keeps working and is re-issued at its next request.
    expect((await staffElsewhere.get('/api/session')).statusCode).toBe(200);
    expect(staffElsewhere.cookies.get('mamori_session')).not.toBe(elsewhereBefore);

    // The old id works for requests in flight only (a few seconds), then never again.
    clock.advanceMinutes(1);
    expectProblem(
      await api.client().get('/api/session', { headers: { cookie: `mamori_session=${before}` } }),
      401,
      'auth.required',
    );
    expect((await staff.get('/api/session')).statusCode).toBe(200);
    const sessions = (await staff.get('/api/me/sessions')).json<SessionSummary[]>();
    expect(sessions).toHaveLength(2);
    const rotated = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.session_rotated',
    });
    expect(rotated).toHaveLength(2);
  });

  it('uses __Host-mamori_session over https (x-forwarded-proto behind TRUST_PROXY) and reads only that one', async () => {
    const api = await apiHarness(kind, { env: { TRUST_PROXY: 'true' } });
    const https = api.client({ 'x-forwarded-proto': 'https' });
    const res = await https.post('/api/auth/login', {
      employeeNumber: api.org.staff.employeeNumber,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === '__Host-mamori_session');
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookie).not.toHaveProperty('domain');
    expect(res.cookies.find((c) => c.name === 'mamori_session')).toBeUndefined();
    expect((await https.get('/api/session')).statusCode).toBe(200);
    // Over plain http the __Host- cookie is not what applies, so it is not read.
    const token = cookie!.value;
    expectProblem(
      await api.client().get('/api/session', { headers: { cookie: `__Host-mamori_session=${token}` } }),
      401,
      'auth.required',
    );
    expectProblem(
      await api
        .client({ 'x-forwarded-proto': 'https' })
        .get('/api/session', { headers: { cookie: `mamori_session=${token}` } }),
      401,
      'auth.required',
    );
    const out = await https.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(https.cookies.has('__Host-mamori_session')).toBe(false);
  });

  it('COOKIE_SECURE=true gives the __Host- cookie even on a plain request', async () => {
    const api = await apiHarness(kind, { env: { COOKIE_SECURE: 'true' } });
    const client = api.client();
    await client.login(api.org.staff.employeeNumber);
    expect(client.cookies.has('__Host-mamori_session')).toBe(true);
    expect(client.cookies.has('mamori_session')).toBe(false);
    expect((await client.get('/api/session')).statusCode).toBe(200);
  });
});

describe.each(databases)('own sessions and sign-ins over HTTP on %s', (kind) => {
  it('lists the caller’s active sessions with a public id, and ends one of them', async () => {
    const api = await apiHarness(kind);
    const here = await api.signedIn(api.org.staff.employeeNumber, { 'user-agent': FIREFOX });
    const there = await api.signedIn(api.org.staff.employeeNumber);
    await api.signedIn(api.org.admin.employeeNumber);

    const list = (await here.get('/api/me/sessions')).json<SessionSummary[]>();
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const current = list.find((s) => s.current)!;
    expect(current.userAgent).toBe('Firefox / Windows');
    const stored = (await api.services.database.db.selectFrom('sessions').select('id').execute()).map(
      (r) => r.id,
    );
    const token = here.cookies.get('mamori_session')!;
    for (const s of list) {
      expect(stored).not.toContain(s.id);
      expect(s.id).not.toBe(token);
      expect(s.id).not.toContain(sha256(token));
    }

    const other = list.find((s) => !s.current)!;
    expect((await here.post(`/api/me/sessions/${other.id}/end`)).statusCode).toBe(204);
    expectProblem(await there.get('/api/session'), 401, 'auth.required');
    expect((await here.get('/api/me/sessions')).json<SessionSummary[]>()).toHaveLength(1);
    const ended = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.session_ended',
    });
    expect(ended).toHaveLength(1);
    // Ending it again: it is no longer one of the caller's active sessions.
    expectProblem(await here.post(`/api/me/sessions/${other.id}/end`), 404, 'request.not_found');
    // Ending the current one signs this browser out.
    expect((await here.post(`/api/me/sessions/${current.id}/end`)).statusCode).toBe(204);
    expectProblem(await here.get('/api/session'), 401, 'auth.required');
  });

  it('answers 404 for another person’s session and leaves it alone', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const adminSession = (await admin.get('/api/me/sessions')).json<SessionSummary[]>()[0]!;
    expectProblem(await staff.post(`/api/me/sessions/${adminSession.id}/end`), 404, 'request.not_found');
    expectProblem(await staff.post('/api/me/sessions/unknown/end'), 404, 'request.not_found');
    expect((await admin.get('/api/session')).statusCode).toBe(200);
    expect((await staff.get('/api/me/sessions')).json<SessionSummary[]>().map((s) => s.id)).not.toContain(
      adminSession.id,
    );
    expectProblem(await api.client().get('/api/me/sessions'), 401, 'auth.required');
    expectProblem(await api.client().get('/api/me/sign-ins'), 401, 'auth.required');
  });

  it('shows the caller only their own recent sign-ins: successes, failures and refusals while locked', async () => {
    const api = await apiHarness(kind);
    const anon = api.client();
    await anon.post('/api/auth/login', {
      employeeNumber: api.org.staff.employeeNumber,
      password: 'wrong-wrong-wrong',
    });
    await anon.post('/api/auth/login', {
      employeeNumber: api.org.admin.employeeNumber,
      password: 'wrong-wrong-wrong',
    });
    await anon.post('/api/auth/login', { employeeNumber: 'NOBODY', password: 'wrong-wrong-wrong' });
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    await api.signedIn(api.org.admin.employeeNumber);

    const records = (await staff.get('/api/me/sign-ins')).json<SignInRecord[]>();
    expect(records.map((r) => r.result)).toEqual(['success', 'failure']);
    for (const r of records) expect(r.ip).toBe('127.0.0.1');
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    expect((await admin.get('/api/me/sign-ins')).json<SignInRecord[]>().map((r) => r.result)).toEqual([
      'success',
      'success',
      'failure',
    ]);
  });
});

describe.each(databases)('account unlock over HTTP on %s', (kind) => {
  async function lockStaff(api: Awaited<ReturnType<typeof apiHarness>>) {
    const anon = api.client();
    for (let i = 0; i < 5; i++)
      await anon.post('/api/auth/login', {
        employeeNumber: api.org.staff.employeeNumber,
        password: 'wrong-wrong-wrong',
      });
    expectProblem(
      await anon.post('/api/auth/login', {
        employeeNumber: api.org.staff.employeeNumber,
        password: TEST_PASSWORD,
      }),
      423,
      'auth.locked',
    );
  }

  // Without the slow-down between attempts (tested in password-throttle.test.ts).
  const env = { LOGIN_SLOWDOWN_MAX_SECONDS: '0' };

  it('lets a システム管理者 see the lock and unlock the account, audited', async () => {
    const api = await apiHarness(kind, { env });
    await lockStaff(api);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const account = (await admin.get(`/api/people/${api.org.staff.id}/account`)).json<AccountView>();
    expect(account.locked).toBe(true);
    expect(account.hasPassword).toBe(true);
    expect(Date.parse(account.lockedUntil ?? '')).toBeGreaterThan(api.services.clock.now().getTime());

    expect((await admin.post(`/api/people/${api.org.staff.id}/unlock`)).statusCode).toBe(204);
    expect((await admin.get(`/api/people/${api.org.staff.id}/account`)).json<AccountView>()).toEqual({
      locked: false,
      lockedUntil: null,
      hasPassword: true,
    });
    const audit = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.account_unlocked',
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: api.org.admin.id, subjectId: api.org.staff.id });
    expect((await api.client().login(api.org.staff.employeeNumber)).statusCode).toBe(200);
    const history = (await (await api.signedIn(api.org.staff.employeeNumber)).get('/api/me/sign-ins')).json<
      SignInRecord[]
    >();
    expect(history.map((r) => r.result)).toContain('locked');
  });

  it('refuses unlock and the account view to anyone but a システム管理者; 404 for an unknown person', async () => {
    const api = await apiHarness(kind, { env });
    await lockStaff(api);
    for (const who of [api.org.president, api.org.chiefProtection, api.org.candidate]) {
      const client = await api.signedIn(who.employeeNumber);
      expectProblem(await client.post(`/api/people/${api.org.staff.id}/unlock`), 403, 'auth.forbidden');
      expectProblem(await client.get(`/api/people/${api.org.staff.id}/account`), 403, 'auth.forbidden');
    }
    expectProblem(await api.client().post(`/api/people/${api.org.staff.id}/unlock`), 401, 'auth.required');
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await admin.post(`/api/people/${unknown}/unlock`), 404, 'organisation.person_not_found');
    expectProblem(await admin.get(`/api/people/${unknown}/account`), 404, 'organisation.person_not_found');
    expect((await admin.get(`/api/people/${api.org.staff.id}/account`)).json<AccountView>().locked).toBe(
      true,
    );
    expect(
      await api.services.ledger.count(api.services.database.db, { type: 'identity.account_unlocked' }),
    ).toBe(0);
  });
});
