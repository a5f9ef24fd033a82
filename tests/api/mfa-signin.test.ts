/**
 * The second factor at sign-in over HTTP (A21 「ICカード又は生体認証」): a person with a mandatory
 * second factor gets a challenge instead of a session, enrols TOTP, then signs in with a code; wrong,
 * replayed and expired codes are refused; recovery codes work once; five wrong codes end the challenge
 * and count as a failed sign-in; the challenge cookie never becomes a session id.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stepOf, totpCode } from '../../server/modules/identity/mfa/totp.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, authenticatorOf, type HttpClient, type Response } from './support/http-client.ts';
import { expectProblem, sessionCookie } from './support/expect-problem.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

const challengeCookie = (res: Response) => res.cookies.find((c) => c.name === 'mamori_signin');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const password = (c: HttpClient, employeeNumber: string) =>
  c.post('/api/auth/login', { employeeNumber, password: TEST_PASSWORD });

describe.each(databases)('second factor at sign-in on %s (A21)', (kind) => {
  it('asks a システム管理者 for a second factor: a challenge, no session; enrolment first, then codes', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const admin = api.org.admin.employeeNumber;
    const c = api.client();
    const res = await password(c, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ secondFactor: { methods: [], enrolmentRequired: true } });
    expect(sessionCookie(res)).toBeUndefined();
    const challenge = challengeCookie(res)!;
    expect(challenge.httpOnly).toBe(true);
    expect(await api.count('sessions')).toBe(0);
    // Only the hash of the challenge token is stored.
    const rows = await api.services.database.db.selectFrom('mfa_challenges').selectAll().execute();
    expect(rows.map((r) => r.id)).toEqual([sha256(challenge.value)]);
    // Nothing protected answers to the challenge cookie.
    expectProblem(await c.get('/api/session'), 401, 'auth.required');
    expectProblem(await c.get('/api/me/factors'), 401, 'auth.required');

    // Enrol: the QR code and the secret; the first code confirms and signs in, with 10 recovery codes.
    const setup = await c.post('/api/auth/second-factor/totp/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, uri, qrDataUrl } = setup.json<{ secret: string; uri: string; qrDataUrl: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Mamori:T0001\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await api.services.database.db
      .selectFrom('mfa_totp')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(secret); // sealed at rest
    expectProblem(
      await c.post('/api/auth/second-factor/totp/confirm', { code: '000000' }),
      400,
      'mfa.invalid_code',
    );
    const step = stepOf(clock.now());
    const done = await c.post('/api/auth/second-factor/totp/confirm', { code: totpCode(secret, step) });
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json<{ session: { person: { id: string } }; recoveryCodes: string[] }>();
    expect(body.session.person.id).toBe(api.org.admin.id);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    const session = sessionCookie(done)!;
    expect(session.value).not.toBe(challenge.value); // session fixation: a fresh token
    expect(challengeCookie(done)?.value ?? '').toBe('');
    expect((await c.get('/api/session')).statusCode).toBe(200);
    expect(await api.services.database.db.selectFrom('mfa_challenges').selectAll().execute()).toHaveLength(0);

    // Next sign-in: a challenge offering TOTP and recovery; the code already used is refused (replay).
    const d = api.client();
    expect((await password(d, admin)).json()).toEqual({
      secondFactor: { methods: ['totp', 'recovery'], enrolmentRequired: false },
    });
    expectProblem(await d.post('/api/auth/second-factor/totp/setup'), 409, 'mfa.already_enrolled');
    expectProblem(
      await d.post('/api/auth/second-factor/totp', { code: totpCode(secret, step) }),
      400,
      'mfa.invalid_code',
    );
    expectProblem(
      await d.post('/api/auth/second-factor/totp', { code: totpCode(secret, step - 1) }),
      400,
      'mfa.invalid_code',
    );
    expectProblem(
      await d.post('/api/auth/second-factor/totp', { code: totpCode(secret, step + 2) }),
      400,
      'mfa.invalid_code',
    );
    const ok = await d.post('/api/auth/second-factor/totp', { code: totpCode(secret, step + 1) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(sessionCookie(ok)).toBeDefined();

    // The used challenge is gone; a new one expires after CHALLENGE_MINUTES.
    expectProblem(
      await d.post('/api/auth/second-factor/totp', { code: totpCode(secret, step + 1) }),
      401,
      'mfa.challenge_missing',
    );
    const e = api.client();
    const r1 = await password(e, admin);
    const token = challengeCookie(r1)!.value;
    clock.advanceMinutes(6); // CHALLENGE_MINUTES = 5
    expectProblem(
      await e.post('/api/auth/second-factor/totp', { code: totpCode(secret, stepOf(clock.now())) }),
      401,
      'mfa.challenge_missing',
    );
    // A challenge token used as a session cookie is nothing.
    const f = api.client();
    f.cookies.set('mamori_session', token);
    expectProblem(await f.get('/api/session'), 401, 'auth.required');

    const signedIn = await api.services.ledger.list(api.services.database.db, { type: 'identity.signed_in' });
    expect(signedIn.map((x) => x.payload)).toContainEqual(
      expect.objectContaining({ method: 'password', secondFactor: 'totp' }),
    );
    const audits = JSON.stringify(await api.services.ledger.list(api.services.database.db, {}));
    expect(audits).not.toContain(secret);
    expect(audits).not.toContain(body.recoveryCodes[0]);
  });

  it('accepts each recovery code once, audits its use with the count left', async () => {
    const api = await apiHarness(kind);
    await api.signedIn(api.org.admin.employeeNumber); // enrols TOTP through the challenge
    const codes = authenticatorOf(api.app, api.org.admin.employeeNumber)!.recoveryCodes;
    const code = codes[0]!;
    const c = api.client();
    await password(c, api.org.admin.employeeNumber);
    const ok = await c.post('/api/auth/second-factor/recovery', { code: code.toUpperCase() });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = api.client();
    await password(d, api.org.admin.employeeNumber);
    expectProblem(await d.post('/api/auth/second-factor/recovery', { code }), 400, 'mfa.invalid_code');
    const used = await api.services.ledger.list(api.services.database.db, { type: 'mfa.recovery_code_used' });
    expect(used.map((u) => u.payload)).toEqual([expect.objectContaining({ remaining: 9 })]);
    expect(JSON.stringify(used)).not.toContain(code);
    expect((await c.get('/api/me/factors')).json()).toMatchObject({
      recoveryCodesRemaining: 9,
      mandatory: true,
    });
  });

  it('ends the challenge after five wrong codes and counts a failed sign-in (A21-2)', async () => {
    const api = await apiHarness(kind);
    await api.signedIn(api.org.admin.employeeNumber);
    const c = api.client();
    await password(c, api.org.admin.employeeNumber);
    for (let i = 0; i < 4; i++)
      expectProblem(
        await c.post('/api/auth/second-factor/totp', { code: '12345' + i }),
        400,
        'mfa.invalid_code',
      );
    expectProblem(
      await c.post('/api/auth/second-factor/totp', { code: '999999' }),
      401,
      'mfa.too_many_attempts',
    );
    expectProblem(
      await c.post('/api/auth/second-factor/recovery', { code: 'x' }),
      401,
      'mfa.challenge_missing',
    );
    const failed = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.sign_in_failed',
    });
    expect(failed.map((f) => f.payload)).toContainEqual(expect.objectContaining({ reason: 'second_factor' }));
    expect(
      await api.services.ledger.count(api.services.database.db, { type: 'mfa.verification_failed' }),
    ).toBe(5);
    const credential = await api.services.database.db
      .selectFrom('credentials')
      .selectAll()
      .where('person_id', '=', api.org.admin.id)
      .executeTakeFirstOrThrow();
    expect(credential.failed_count).toBe(1);
  });

  it('lets staff without a role or factor in with the password alone; holding a per-resource grant (vaults) makes it mandatory', async () => {
    const api = await apiHarness(kind);
    const c = api.client();
    const res = await password(c, api.org.staff.employeeNumber);
    expect(sessionCookie(res)).toBeDefined();
    api.services.authz.addGrantSource((personId) =>
      Promise.resolve(
        personId === api.org.staff.id
          ? [{ subjectType: 'PersonalInfoFile', subjectId: 'file-1', actions: ['read'] }]
          : [],
      ),
    );
    const d = api.client();
    expect((await password(d, api.org.staff.employeeNumber)).json()).toEqual({
      secondFactor: { methods: [], enrolmentRequired: true },
    });
  });
});
