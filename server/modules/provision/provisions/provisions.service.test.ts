/**
 * Provisions to third parties (issue 9; A17-1, A17-2, A17の2, A18) on SQLite and PostgreSQL: 東京's
 * 教務係 provides the 学籍ファイル to a research partner (ground (4), with a written agreement and the
 * measures asked, A18-1, -2) and to a public body by law; the 給与係's My Number file never leaves on
 * A17-2's grounds. The tests helper covers the HTTP side. Every person and body is fictional.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app.ts';
import type { ProvisionInput } from '../../../../shared/api/provision-provisions.ts';
import { databases } from '../../../../tests/support/databases.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { buildVaultOrg, type VaultOrg } from '../../../../tests/support/vault-fixture.ts';
import type { PersonKey } from '../../../../tests/support/org-fixture.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n% 取り交わした書面（架空）\n');

describe.each(databases)('provisions on %s (A17-2, A17の2, A18)', (kind) => {
  let services: Services;
  let o: VaultOrg;
  let dataDir: string;
  const m = () => services.provision.provisions;
  const s = () => m().service;
  const r = () => m().records;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisions-'));
    services = await testServices(kind, { env: { DATA_DIR: dataDir } });
    o = await buildVaultOrg(services);
  });
  afterEach(async () => {
    await services.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const party = async (kindOf: string, name: string) =>
    (await services.provision.parties.create(await o.as('tokyoKyomuHead'), { kind: kindOf, name })).id;

  const refused = async (code: string, call: () => Promise<unknown>) =>
    expect(
      await call().then(
        () => null,
        (e: unknown) => e,
      ),
    ).toMatchObject({ code });

  const draft = async (
    partyId: string,
    over: Partial<ProvisionInput> = {},
    by: PersonKey = 'tokyoKyomuHead',
  ) =>
    s().create(await o.as(by), {
      partyId,
      files: [{ fileId: o.tokyoFile, items: ['student_number', '学科・学年・クラス'] }],
      ground: 'statistics_or_benefit',
      harmStatement: '氏名を除き学生番号は仮番号に置き換えて提供し、統計の作成にのみ用いる',
      recipientPurpose: '高専生の進路に関する統計の作成',
      legalBasis: '',
      recordRange: '2026年度在籍者',
      useForm: 'electronic',
      frequency: 'regular',
      startsOn: '2026-12-01',
      endsOn: '2027-03-31',
      ...over,
    });

  const agreement = {
    purpose: '高専生の進路に関する統計の作成',
    recordRange: '2026年度在籍者',
    items: '学生番号（仮番号）、学科・学年・クラス',
    useForm: 'electronic' as const,
    signedOn: '2026-11-27',
    ourSignatory: '東京高専 教務係長',
    theirSignatory: '研究機関 研究統括責任者',
  };
  const measures = {
    measures: ['access_restriction', 'no_copy_beyond_purpose', 'return_or_erase', 'incident_report'] as const,
    confirmedOn: '2026-11-28',
    confirmedBy: '研究機関 研究統括責任者',
  };

  const approve = async (approvalId: string) =>
    services.approvals.approvals.decide(await o.as('tokyoPrincipal'), approvalId, {
      decision: 'approve',
      comment: '',
      revision: 1,
    });

  it('a provision without a written agreement to a private party is refused (A18-1); with it, approved, it is active', async () => {
    const research = await party('research_partner', '一般社団法人 架空教育統計研究所');
    const p = await draft(research);
    expect(p).toMatchObject({
      status: 'draft',
      agreementRequired: true,
      measuresRequired: true,
      number: 'P2026-0001',
    });
    expect(p.files[0]).toMatchObject({
      items: ['student_number', 'class'],
      itemLabels: ['学生番号', '学科・学年・クラス'],
    });
    const head = await o.as('tokyoKyomuHead');
    await refused('provision.agreement_required', () => s().submit(head, p.id, {}));
    // The fields alone are not the 書面: its document is needed too.
    await r().setAgreement(head, p.id, agreement);
    await refused('provision.agreement_required', () => s().submit(head, p.id, {}));
    await r().uploadDocument(head, p.id, { bytes: PDF, name: '覚書.pdf' });
    // A18-2: the measures asked and the recipient's confirmation.
    await refused('provision.measures_required', () => s().submit(head, p.id, {}));
    await r().setMeasures(head, p.id, measures);
    const pending = await s().submit(head, p.id, {});
    expect(pending).toMatchObject({ status: 'pending', approvalLevel: 'chief_protection_manager' });
    expect(await m().activeFor(o.tokyoFile, research, '2026-12-10')).toBeNull();
    await approve(pending.approvalId!);
    const active = await s().get(head, p.id);
    expect(active.status).toBe('active');
    expect(active.agreement).toMatchObject({ hasDocument: true, documentName: '覚書.pdf' });
    expect(await m().activeFor(o.tokyoFile, research, '2026-12-10')).toMatchObject({
      id: p.id,
      items: ['student_number', 'class'],
    });
    expect(await m().activeFor(o.tokyoFile, research, '2027-04-01')).toBeNull();
    expect(await m().activeFor(o.nagaokaFile, research, '2026-12-10')).toBeNull();
    // The register's 経常的提供先 is offered from active regular provisions.
    expect(await s().recipients(head, { fileId: o.tokyoFile })).toEqual({
      recipients: ['一般社団法人 架空教育統計研究所'],
    });
    const acted = await r().recordAct(head, p.id, {
      fileId: o.tokyoFile,
      providedOn: '2026-12-01',
      records: 120,
      means: 'online',
    });
    expect(acted.acts).toMatchObject([{ records: 120, means: 'online' }]);
    await refused('provision.act_out_of_period', () =>
      r().recordAct(head, p.id, {
        fileId: o.tokyoFile,
        providedOn: '2026-11-30',
        records: 1,
        means: 'paper',
      }),
    );
    expect(await services.ledger.count(services.database.db, { type: 'provision.provision_activated' })).toBe(
      1,
    );
    expect((await m().byFile(o.tokyoFile)).map((x) => x.id)).toEqual([p.id]);
    expect((await m().byParty(research)).map((x) => x.status)).toEqual(['active']);
  });

  it('My Number files never leave on A17-2’s grounds (A17の2); by law they may', async () => {
    await o.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', { sectionId: o.sections.kyuyo });
    const office = await party('public_body', '架空市 税務課');
    const payroll = { files: [{ fileId: o.payrollFile, items: ['職員番号'] }] };
    for (const ground of ['consent_or_self', 'public_body', 'statistics_or_benefit'] as const)
      await refused('provision.my_number_out_of_purpose', () =>
        draft(office, { ...payroll, ground, frequency: 'once' }, 'kyuyoHead'),
      );
    expect(
      await services.ledger.count(services.database.db, { type: 'authz.denied' }),
    ).toBeGreaterThanOrEqual(3);
    const byLaw = await draft(
      office,
      { ...payroll, ground: 'law', lawName: '地方税法第317条の6（給与支払報告書）', harmStatement: '' },
      'kyuyoHead',
    );
    expect(byLaw).toMatchObject({ status: 'draft', agreementRequired: false, measuresRequired: false });
  });

  it('ground (3) is for public bodies only (A17-2(3)); the law ground names its law (A17-1)', async () => {
    const company = await party('company', '株式会社 架空情報サービス');
    await refused('provision.provision_public_body_only', () => draft(company, { ground: 'public_body' }));
    await refused('provision.provision_law_required', () => draft(company, { ground: 'law', lawName: '' }));
    await refused('provision.provision_harm_required', () => draft(company, { harmStatement: '' }));
    await refused('provision.provision_item_invalid', () =>
      draft(company, { files: [{ fileId: o.tokyoFile, items: ['年収'] }] }),
    );
  });

  it('to a public body no agreement is needed; measures only where deemed necessary, with why (A18-3)', async () => {
    const ministry = await party('public_body', '架空省 調査統計課');
    await refused('provision.measures_reason_required', () =>
      draft(ministry, { ground: 'public_body', measuresDeemedNecessary: true }),
    );
    const p = await draft(ministry, {
      ground: 'public_body',
      measuresDeemedNecessary: true,
      measuresReason: '健康上の配慮を含まないが件数が多いため',
    });
    expect(p).toMatchObject({ agreementRequired: false, measuresRequired: true });
    const head = await o.as('tokyoKyomuHead');
    await refused('provision.measures_required', () => s().submit(head, p.id, {}));
    await s().update(head, p.id, { measuresDeemedNecessary: false });
    const pending = await s().submit(head, p.id, {});
    expect(pending.status).toBe('pending');
    // Not editable while pending; a denial returns it to the keeper.
    await refused('provision.provision_not_editable', () =>
      s().update(head, p.id, { recordRange: '全学年' }),
    );
    await services.approvals.approvals.decide(await o.as('tokyoPrincipal'), pending.approvalId!, {
      decision: 'deny',
      comment: '提供先の根拠法令を確認してください',
      revision: 1,
    });
    expect((await s().get(head, p.id)).status).toBe('rejected');
    expect((await s().update(head, p.id, { legalBasis: '統計法第29条' })).legalBasis).toBe('統計法第29条');
  });

  it('checks and improvement requests are tracked to done; one past due is a gap of the 保護管理者 (A18-2)', async () => {
    const research = await party('research_partner', '一般社団法人 架空教育統計研究所');
    const p = await draft(research);
    const head = await o.as('tokyoKyomuHead');
    const checked = await r().addCheck(head, p.id, {
      kind: 'onsite',
      timing: 'before',
      checkedOn: '2026-11-20',
      findings: '保管庫の施錠管理が未整備',
      result: 'improvement_needed',
    });
    const withRequest = await r().addImprovement(head, p.id, {
      checkId: checked.checks[0]!.id,
      request: '保管庫を施錠し鍵の管理簿を備えること',
      dueOn: '2026-11-25',
    });
    const gaps = await m().gaps();
    expect(gaps).toMatchObject([
      { kind: 'provision_check_overdue', role: 'protection_manager', sectionId: o.sections.tokyoKyomu },
    ]);
    const improvementId = withRequest.improvements[0]!.id;
    expect(withRequest.improvements[0]!.overdue).toBe(true);
    await r().improvementDone(head, p.id, improvementId, { doneOn: '2026-11-29', note: '施錠を確認した' });
    expect(await m().gaps()).toEqual([]);
    await refused('provision.improvement_done', () =>
      r().improvementDone(head, p.id, improvementId, { doneOn: '2026-11-29' }),
    );
  });

  it('only the section’s 保護管理者 keeps a provision; others out of scope find nothing', async () => {
    const research = await party('research_partner', '一般社団法人 架空教育統計研究所');
    const p = await draft(research);
    await o.appoint('system', 'protection_manager', 'nagaokaKyomuHead', {
      sectionId: o.sections.nagaokaKyomu,
    });
    await refused('provision.provision_not_found', async () => s().get(await o.as('nagaokaKyomuHead'), p.id));
    await refused('provision.provision_file_invalid', () => draft(research, {}, 'nagaokaKyomuHead'));
    // The unit's 総括保護管理者 reads but does not keep.
    expect((await s().get(await o.as('tokyoPrincipal'), p.id)).canEdit).toBe(false);
    await refused('auth.forbidden', async () =>
      r().setMeasures(await o.as('tokyoPrincipal'), p.id, measures),
    );
  });
});
