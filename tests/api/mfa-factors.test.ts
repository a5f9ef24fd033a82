/**
 * Second factors after sign-in (A21): one's own factors (add TOTP, regenerate recovery codes, remove,
 * never the last one when mandatory), the システム管理者's reset of a person's factors and the
 * mandatory roles setting (audited with before/after), and the demo code of `mamori demo totp`.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET, demoTotpCode } from '../../server/modules/identity/mfa/demo-totp.ts';
import { stepOf, totpCode } from '../../server/modules/identity/mfa/totp.ts';
import { demoRepo } from '../../server/modules/organisation/demo/demo.repo.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, authenticatorOf } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

describe.each(databases)('second factors of a person on %s (A21)', (kind) => {
  it('lets staff add TOTP themselves, regenerate recovery codes and remove it; each change is audited', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const staff = await api.signedIn(api.org.staff.employeeNumber); // no role: password alone
    expect((await staff.get('/api/me/factors')).json()).toEqual({
      mandatory: false,
      totp: null,
      securityKeys: [],
      recoveryCodesRemaining: 0,
    });
    expectProblem(await staff.post('/api/me/factors/recovery-codes'), 409, 'mfa.not_enrolled');
    const setup = (await staff.post('/api/me/factors/totp/setup')).json<{ secret: string }>();
    expectProblem(
      await staff.post('/api/me/factors/totp/confirm', { code: '000000' }),
      400,
      'mfa.invalid_code',
    );
    const confirm = await staff.post('/api/me/factors/totp/confirm', {
      code: totpCode(setup.secret, stepOf(clock.now())),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const first = confirm.json<{ codes: string[] }>().codes;
    expect(first).toHaveLength(10);
    expectProblem(await staff.post('/api/me/factors/totp/setup'), 409, 'mfa.already_enrolled');

    // Now the password alone no longer signs staff in.
    const again = api.client();
    const res = await again.post('/api/auth/login', {
      employeeNumber: api.org.staff.employeeNumber,
      password: TEST_PASSWORD,
    });
    expect(res.json()).toEqual({ secondFactor: { methods: ['totp', 'recovery'], enrolmentRequired: false } });

    const regenerated = (await staff.post('/api/me/factors/recovery-codes')).json<{ codes: string[] }>()
      .codes;
    expect(regenerated).toHaveLength(10);
    expectProblem(
      await again.post('/api/auth/second-factor/recovery', { code: first[0] }),
      400,
      'mfa.invalid_code',
    );

    const removed = await staff.post('/api/me/factors/totp/remove');
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await staff.get('/api/me/factors')).json()).toMatchObject({
      totp: null,
      recoveryCodesRemaining: 0,
    });
    const types = (
      await api.services.ledger.list(api.services.database.db, { subjectId: api.org.staff.id })
    ).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['mfa.factor_enrolled', 'mfa.recovery_codes_regenerated', 'mfa.factor_removed']),
    );
    const audit = JSON.stringify(await api.services.ledger.list(api.services.database.db, {}));
    expect(audit).not.toContain(setup.secret);
    expect(audit).not.toContain(regenerated[0]);
  });

  it('refuses to remove the last factor when it is mandatory; the システム管理者 resets it (audited)', async () => {
    const api = await apiHarness(kind);
    const chief = await api.signedIn(api.org.chiefProtection.employeeNumber); // enrols TOTP at sign-in
    expectProblem(await chief.post('/api/me/factors/totp/remove'), 409, 'mfa.last_factor');
    expectProblem(
      await chief.post(`/api/me/factors/keys/${api.org.hq.id}/remove`),
      404,
      'mfa.factor_not_found',
    );

    const admin = await api.signedIn(api.org.admin.employeeNumber);
    expectProblem(await chief.get(`/api/people/${api.org.admin.id}/factors`), 403, 'auth.forbidden');
    const view = await admin.get(`/api/people/${api.org.chiefProtection.id}/factors`);
    expect(view.json()).toMatchObject({ mandatory: true, recoveryCodesRemaining: 10 });
    expect((await admin.post(`/api/people/${api.org.chiefProtection.id}/factors/reset`)).statusCode).toBe(
      204,
    );
    expect((await admin.get(`/api/people/${api.org.chiefProtection.id}/factors`)).json()).toMatchObject({
      totp: null,
      recoveryCodesRemaining: 0,
    });
    const [reset] = await api.services.ledger.list(api.services.database.db, { type: 'mfa.factors_reset' });
    expect(reset).toMatchObject({ subjectId: api.org.chiefProtection.id, actorId: api.org.admin.id });
    // The next sign-in enrols again.
    const c = api.client();
    const res = await c.post('/api/auth/login', {
      employeeNumber: api.org.chiefProtection.employeeNumber,
      password: TEST_PASSWORD,
    });
    expect(res.json()).toEqual({ secondFactor: { methods: [], enrolmentRequired: true } });
    expect(authenticatorOf(api.app, api.org.chiefProtection.employeeNumber)).toBeDefined();
  });

  it('keeps the mandatory roles in a setting the システム管理者 edits, audited with before and after', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const before = (await admin.get('/api/mfa/settings')).json<{ mandatoryRoles: string[] }>();
    expect(before.mandatoryRoles).toContain('chief_protection_manager');
    expect(before.mandatoryRoles).toHaveLength(9);
    const put = await admin.put('/api/mfa/settings', { mandatoryRoles: ['system_administrator'] });
    expect(put.json()).toEqual({ mandatoryRoles: ['system_administrator'] });
    const [entry] = await api.services.ledger.list(api.services.database.db, {
      type: 'mfa.settings_updated',
    });
    expect(entry!.payload).toMatchObject({
      before: { mandatoryRoles: before.mandatoryRoles },
      after: { mandatoryRoles: ['system_administrator'] },
    });
    // A 総括保護管理者 with nothing enrolled now signs in with the password alone.
    const c = api.client();
    const res = await c.post('/api/auth/login', {
      employeeNumber: api.org.chiefProtection.employeeNumber,
      password: TEST_PASSWORD,
    });
    expect(res.json()).toHaveProperty('person');
    expectProblem(await c.put('/api/mfa/settings', { mandatoryRoles: [] }), 403, 'auth.forbidden');
  });

  it('prints the demo code only on a demo install (mamori demo totp)', async () => {
    const api = await apiHarness(kind);
    await api.services.mfa.enrolTotpDirectly(api.org.staff.id, DEMO_TOTP_SECRET);
    await expect(demoTotpCode(api.services, api.org.staff.employeeNumber)).rejects.toThrow();
    await demoRepo.markLoaded(api.services.database.db, api.services.clock.now().toISOString());
    const { code } = await demoTotpCode(api.services, api.org.staff.employeeNumber);
    expect(code).toBe(totpCode(DEMO_TOTP_SECRET, stepOf(api.services.clock.now())));
    await expect(demoTotpCode(api.services, api.org.admin.employeeNumber)).rejects.toThrow();
  });
});
