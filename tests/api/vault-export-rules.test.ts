/**
 * The vault's plain CSV download under the rules of issue 7 (A12(1), ADR 0008): allowed while the
 * file's rules let staff copy without approval, refused with approval.required — and the refusal
 * logged — once the unit's 総括保護管理者 requires one; nothing of the records is sent then.
 */
import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

describe.each(databases)('the vault’s CSV download under the handling rules on %s', (kind) => {
  it('serves while copying needs no approval and refuses, logged, once it does', async () => {
    const api = await apiHarness(kind, { org: false });
    const v = await buildVaultOrg(api.services);
    for (const s of students('E26', 2)) await v.student(v.tokyoFile, s);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await sessionClient(api.app, api.services, v.people.tokyoKyomuStaff1);
    const url = `/api/vault/files/${v.tokyoFile}/export.csv?purpose=enrolment`;

    const allowed = await staff.request('GET', url);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('E260001');

    const { rules } = api.services.handling;
    const current = await rules.view(v.sys, v.tokyoFile);
    await rules.update(await v.as('tokyoPrincipal'), v.tokyoFile, {
      rules: { ...current.rules, export: 'protection_manager' },
      reason: '成績情報を含むため複製は承認制とする',
    });
    const refused = await staff.request('GET', url);
    expectProblem(refused, 403, 'approval.required');
    expect(refused.body).not.toContain('E260001');
    const denial = await api.services.database.db
      .selectFrom('ledger_entries')
      .select(['payload'])
      .where('type', '=', 'authz.denied')
      .where('subject_id', '=', v.tokyoFile)
      .execute();
    expect(denial.map((d) => d.payload).join('\n')).toContain('approval.required');
  });
});
