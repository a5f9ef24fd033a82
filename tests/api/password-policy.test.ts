/**
 * The password policy (A21-2): NIST SP 800-63B defaults, the options an institution may turn on
 * (character classes, history, maximum age), its review schedule (an overdue review is a compliance
 * gap) and who may read or change it. Over HTTP on both databases.
 */
import { describe, expect, it } from 'vitest';
import type { GapReportView } from '../../shared/api/organisation.ts';
import type { PasswordPolicyView } from '../../shared/api/password.ts';
import type { SessionView } from '../../shared/api/identity.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, type HttpClient } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

const GOOD = 'Quiet-Lantern-Orbit-71';
const OPTIONS = { minLength: 12, maxLength: 256, requiredClasses: 0, maxAgeDays: null, historyCount: 0 };

const change = (client: HttpClient, currentPassword: string, newPassword: string) =>
  client.post('/api/me/password', { currentPassword, newPassword });
const rulesOf = (res: { json: <T>() => T }) =>
  res.json<{ errors?: { code: string; message?: string }[] }>().errors?.map((e) => e.code) ?? [];

describe.each(databases)('password policy (A21-2) on %s', (kind) => {
  it('by default refuses a common password, a short one, one with the employee number, name or organisation, one repeated character', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const cases: [string, string][] = [
      ['password1234', 'password.common'],
      ['PASSWORD1234', 'password.common'],
      ['short-pw', 'password.too_short'],
      [`my-${api.org.staff.employeeNumber.toLowerCase()}-secret`, 'password.context'],
      ['mamori-is-my-home', 'password.context'],
      ['kosen-tokyo-2026', 'password.context'],
      ['rei-jiレイジpassword', 'password.context'],
      ['aaaaaaaaaaaaaaa', 'password.repeated'],
      ['x'.repeat(300), 'password.too_long'],
    ];
    for (const [candidate, rule] of cases) {
      const res = await change(staff, TEST_PASSWORD, candidate);
      const body = expectProblem(res, 422, 'password.rejected');
      expect(rulesOf(res)).toContain(rule);
      expect(JSON.stringify(body)).not.toContain(candidate);
    }
    // A refusal lists every rule broken, with a message the form can show.
    const res = await change(staff, TEST_PASSWORD, 'aaaa');
    expect(rulesOf(res)).toEqual(['password.too_short', 'password.repeated']);
    expect(res.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe('パスワードが短すぎます。');

    expect((await change(staff, TEST_PASSWORD, GOOD)).statusCode).toBe(204);
    await api.client().login(api.org.staff.employeeNumber, GOOD);
    const audit = await api.services.ledger.list(api.services.database.db, { type: 'password.changed' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|Quiet-Lantern/);
  });

  it('applies the policy to setup’s and the administrator’s password too', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const res = await admin.post(`/api/people/${api.org.staff.id}/password`, {
      temporaryPassword: 'qwertyuiop123',
    });
    expectProblem(res, 422, 'password.rejected');
    expect(rulesOf(res)).toEqual(['password.common']);
  });

  it('enforces character classes, history and a maximum age when the institution turns them on', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const put = await admin.put('/api/password-policy', {
      ...OPTIONS,
      requiredClasses: 3,
      historyCount: 2,
      maxAgeDays: 90,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<PasswordPolicyView>()).toMatchObject({
      requiredClasses: 3,
      historyCount: 2,
      maxAgeDays: 90,
    });
    const [audit] = await api.services.ledger.list(api.services.database.db, {
      type: 'password.policy_changed',
    });
    expect(audit!.payload).toMatchObject({
      before: { requiredClasses: 0, historyCount: 0, maxAgeDays: null },
      after: { requiredClasses: 3, historyCount: 2, maxAgeDays: 90 },
    });

    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const classes = await change(staff, TEST_PASSWORD, 'only-lower-case-words');
    expectProblem(classes, 422, 'password.rejected');
    expect(rulesOf(classes)).toEqual(['password.classes']);
    // History: the current password and the one before cannot come back.
    expect(rulesOf(await change(staff, TEST_PASSWORD, TEST_PASSWORD))).toContain('password.classes');
    expect((await change(staff, TEST_PASSWORD, GOOD)).statusCode).toBe(204);
    expect((await change(staff, GOOD, 'Second-Lantern-Orbit-72')).statusCode).toBe(204);
    const reused = await change(staff, 'Second-Lantern-Orbit-72', GOOD);
    expectProblem(reused, 422, 'password.rejected');
    expect(rulesOf(reused)).toEqual(['password.reused']);

    // Maximum age: 90 days later the person must change it before anything else.
    clock.advanceMinutes(91 * 24 * 60);
    const old = api.client();
    await old.login(api.org.staff.employeeNumber, 'Second-Lantern-Orbit-72');
    expect((await old.get('/api/session')).json<SessionView>().passwordChangeRequired).toBe(true);
    expectProblem(await old.get('/api/units'), 403, 'auth.password_change_required');
    expect((await old.post('/api/session/keepalive')).statusCode).toBe(204);
    expect((await old.get('/api/me/password-rules')).statusCode).toBe(200);
    expect((await change(old, 'Second-Lantern-Orbit-72', 'Third-Lantern-Orbit-73')).statusCode).toBe(204);
    expect((await old.get('/api/session')).json<SessionView>().passwordChangeRequired).toBe(false);
    expect((await old.get('/api/units')).statusCode).not.toBe(403);
  });

  it('an overdue review shows as a compliance gap; reviewing it (audited) clears the gap', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const policy = (await admin.get('/api/password-policy')).json<PasswordPolicyView>();
    expect(policy).toMatchObject({ ...OPTIONS, reviewOverdue: false, nextReviewOn: '2027-11-30' });
    const gapsOf = async (c: HttpClient) =>
      (await c.get('/api/organisation/gaps'))
        .json<GapReportView>()
        .gaps.filter((g) => g.kind === 'review_overdue');
    const chief = await api.signedIn(api.org.chiefManager.employeeNumber);
    expect(await gapsOf(chief)).toEqual([]);

    clock.advanceMinutes(366 * 24 * 60);
    const later = await api.signedIn(api.org.chiefManager.employeeNumber);
    expect(await gapsOf(later)).toEqual([
      expect.objectContaining({ role: 'system_administrator', article: 'A21の2', unitId: null }),
    ]);
    const admin2 = await api.signedIn(api.org.admin.employeeNumber);
    expect((await admin2.get('/api/password-policy')).json<PasswordPolicyView>().reviewOverdue).toBe(true);
    expectProblem(
      await admin2.post('/api/password-policy/review', { note: '見直し', nextReviewOn: '2020-01-01' }),
      400,
      'request.invalid',
    );
    const reviewed = await admin2.post('/api/password-policy/review', {
      note: '情報セキュリティ委員会で確認',
      nextReviewOn: '2028-12-01',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json<PasswordPolicyView>()).toMatchObject({
      reviewOverdue: false,
      nextReviewOn: '2028-12-01',
      reviewNote: '情報セキュリティ委員会で確認',
    });
    expect(await gapsOf(later)).toEqual([]);
    const [audit] = await api.services.ledger.list(api.services.database.db, {
      type: 'password.policy_reviewed',
    });
    expect(audit).toMatchObject({ actorId: api.org.admin.id });
    expect(audit!.payload).toMatchObject({ after: { nextReviewOn: '2028-12-01' } });
  });

  it('only the システム管理者 changes or reviews it; the 総括管理者 reads it; others are refused', async () => {
    const api = await apiHarness(kind);
    const chief = await api.signedIn(api.org.chiefManager.employeeNumber);
    expect((await chief.get('/api/password-policy')).statusCode).toBe(200);
    expectProblem(await chief.put('/api/password-policy', OPTIONS), 403, 'auth.forbidden');
    expectProblem(
      await chief.post('/api/password-policy/review', { note: 'x', nextReviewOn: '2030-01-01' }),
      403,
      'auth.forbidden',
    );
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    expectProblem(await staff.get('/api/password-policy'), 403, 'auth.forbidden');
    // Everyone signed in may read the rules they must follow.
    expect((await staff.get('/api/me/password-rules')).json<PasswordPolicyView>().minLength).toBe(12);
    expectProblem(await api.client().get('/api/me/password-rules'), 401, 'auth.required');
  });
});
