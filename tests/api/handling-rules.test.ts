/**
 * Rules per file of which acts need approval (issue 7 "Rules per file"; A12 「その内容に応じて」):
 * defaults by the register's sensitivity and importance, minimums no setting can lower (A13, A15,
 * A17-2, A11の2 for My Numbers), set only by the unit's 総括保護管理者 (A5), each change an audit event
 * with before and after; `requirement` follows the setting. Through the services and over HTTP, on
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { RulesInput, RulesView } from '../../shared/api/handling-rules.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { fileAt } from '../support/register-fixture.ts';
import { buildVaultOrg } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

type Rules = RulesInput['rules'];
const MISSING = '00000000-0000-4000-8000-000000000000';

describe.each(databases)('rules per file on %s (issue 7, A12)', (kind) => {
  async function setUp() {
    const api = await apiHarness(kind, { org: false });
    const v = await buildVaultOrg(api.services);
    const where = { unitId: v.units.tokyo, sectionId: v.sections.tokyoKyomu };
    const importantFile = await fileAt(api.services, where, 'registered', {
      name: '進路指導ファイル',
      importance: 'high',
    });
    const sensitiveFile = await fileAt(api.services, where, 'registered', {
      name: '健康相談ファイル',
      sensitivity: 'sensitive',
      sensitive: true,
    });
    const client = (p: keyof typeof v.people) => sessionClient(api.app, api.services, v.people[p]);
    return { api, v, importantFile, sensitiveFile, client };
  }

  it('defaults by sensitivity and importance, with My Number minimums; requirement() follows them', async () => {
    const { api, v, importantFile, sensitiveFile } = await setUp();
    const rules = api.services.handling.rules;
    // An ordinary file of medium importance: copying and sending within the work need no approval.
    expect(await rules.requirement(v.tokyoFile, 'export')).toBe('none');
    expect(await rules.requirement(v.tokyoFile, 'transmit')).toBe('none');
    expect(await rules.requirement(v.tokyoFile, 'take_out')).toBe('protection_manager');
    expect(await rules.requirement(v.tokyoFile, 'correction')).toBe('protection_manager');
    expect(await rules.requirement(v.tokyoFile, 'dispose_file')).toBe('chief_protection_manager');
    expect(await rules.requirement(v.tokyoFile, 'out_of_purpose')).toBe('chief_protection_manager');
    // Important or sensitive: the 保護管理者 approves copies.
    for (const file of [importantFile, sensitiveFile]) {
      expect(await rules.requirement(file, 'export')).toBe('protection_manager');
      expect(await rules.requirement(file, 'transmit')).toBe('protection_manager');
    }
    // My Numbers (A11の2, A17の2): every copy and movement needs approval, whatever the setting.
    const payroll = await rules.view(v.sys, v.payrollFile);
    expect(payroll.myNumber).toBe(true);
    expect(payroll.minimums).toMatchObject({
      export: 'protection_manager',
      transmit: 'protection_manager',
      send_out: 'protection_manager',
      take_out: 'protection_manager',
    });
    expect(payroll.rules.export).toBe('protection_manager');
    const plain = await rules.view(v.sys, v.tokyoFile);
    expect(plain.minimums.export).toBe('none');
    expect(plain).toMatchObject({ overridden: false, updatedAt: null, fileName: '学籍ファイル' });
    await expect(rules.requirement(MISSING, 'export')).rejects.toMatchObject({
      code: 'handling.file_not_found',
      status: 404,
    });
  });

  it('lets only the unit’s 総括保護管理者 set a file’s rules, never below the minimum, audited with before and after', async () => {
    const { api, v, client } = await setUp();
    const url = `/api/handling/files/${v.tokyoFile}/rules`;
    const chief = await client('tokyoPrincipal');
    const manager = await client('tokyoKyomuHead');
    const staff = await client('tokyoKyomuStaff1');
    const otherChief = await client('secretaryGeneral'); // 本部's 総括保護管理者

    const read = await chief.get(url);
    expect(read.statusCode).toBe(200);
    const view = read.json<RulesView>();
    expect(view).toMatchObject({ canEdit: true, overridden: false });
    expect(view.rules.export).toBe('none');
    const managerView = await manager.get(url);
    expect(managerView.statusCode).toBe(200);
    expect(managerView.json<RulesView>().canEdit).toBe(false);
    expectProblem(await staff.get(url), 403, 'auth.forbidden');
    expectProblem(await otherChief.get(url), 403, 'auth.forbidden');
    expectProblem(await chief.get(`/api/handling/files/${MISSING}/rules`), 404, 'handling.file_not_found');

    const stricter: Rules = {
      ...view.rules,
      export: 'chief_protection_manager',
      transmit: 'protection_manager',
    };
    const body = { rules: stricter, reason: '成績情報の持出し事故を受けた見直し' };
    const denied = () => api.services.ledger.count(api.services.database.db, { type: 'authz.denied' });
    const deniedBefore = await denied();
    expectProblem(await manager.put(url, body), 403, 'auth.forbidden');
    expectProblem(await staff.put(url, body), 403, 'auth.forbidden');
    expectProblem(await otherChief.put(url, body), 403, 'auth.forbidden');
    expect(await denied()).toBe(deniedBefore + 3);
    expect(await api.services.handling.rules.requirement(v.tokyoFile, 'export')).toBe('none');

    // Below the minimum: refused with its message, nothing changed.
    const below = expectProblem(
      await chief.put(url, { ...body, rules: { ...stricter, correction: 'none' } }),
      400,
      'handling.rule_below_minimum',
    );
    expect(below.detail).toBe(ERRORS['handling.rule_below_minimum'].ja);
    expect(below.message.en).toBe(ERRORS['handling.rule_below_minimum'].en);
    expectProblem(
      await chief.put(url, { ...body, rules: { ...stricter, dispose_file: 'protection_manager' } }),
      400,
      'handling.rule_below_minimum',
    );
    expectProblem(await chief.put(url, { rules: { export: 'none' }, reason: 'x' }), 400, 'request.invalid');
    expectProblem(await chief.put(url, { rules: stricter, reason: ' ' }), 400, 'request.invalid');
    expect(await api.services.ledger.count(api.services.database.db, { type: 'handling.rules_set' })).toBe(0);

    // Set: requirement() follows at once; the change is audited with before, after and why.
    const set = await chief.put(url, body);
    expect(set.statusCode).toBe(200);
    expect(set.json<RulesView>()).toMatchObject({ overridden: true, rules: stricter });
    expect(set.json<RulesView>().updatedAt).not.toBeNull();
    const rules = api.services.handling.rules;
    expect(await rules.requirement(v.tokyoFile, 'export')).toBe('chief_protection_manager');
    expect(await rules.requirement(v.tokyoFile, 'transmit')).toBe('protection_manager');
    const [entry] = await api.services.ledger.list(api.services.database.db, {
      type: 'handling.rules_set',
      limit: 1,
    });
    expect(entry).toMatchObject({
      actorId: v.people.tokyoPrincipal,
      subjectId: v.tokyoFile,
      unitId: v.units.tokyo,
      sectionId: v.sections.tokyoKyomu,
      reason: '成績情報の持出し事故を受けた見直し',
    });
    expect(entry!.payload).toMatchObject({
      before: { export: 'none', transmit: 'none' },
      after: { export: 'chief_protection_manager', transmit: 'protection_manager' },
    });

    // Lowered again (the defaults are not minimums): copies need nothing once more.
    const lowered = await chief.put(url, { rules: view.rules, reason: '見直しの結果、元に戻す' });
    expect(lowered.statusCode).toBe(200);
    expect(await rules.requirement(v.tokyoFile, 'export')).toBe('none');
    expect(await api.services.ledger.count(api.services.database.db, { type: 'handling.rules_set' })).toBe(2);
  });

  it('keeps a My Number file’s copies under approval whatever is asked', async () => {
    const { api, v, client } = await setUp();
    const hqChief = await client('secretaryGeneral');
    const url = `/api/handling/files/${v.payrollFile}/rules`;
    const view = (await hqChief.get(url)).json<RulesView>();
    expect(view.canEdit).toBe(true);
    expectProblem(
      await hqChief.put(url, { rules: { ...view.rules, export: 'none' }, reason: '事務の簡素化' }),
      400,
      'handling.rule_below_minimum',
    );
    expect(await api.services.handling.rules.requirement(v.payrollFile, 'export')).toBe('protection_manager');
    // 東京's 総括保護管理者 does not reach 本部's file.
    expectProblem(await (await client('tokyoPrincipal')).get(url), 403, 'auth.forbidden');
  });
});
