/**
 * The register of outside parties (issue 9; A18, A19-1) on SQLite and PostgreSQL: 東京 教務係's
 * 保護管理者 registers a contractor, records its capability check with a PDF as evidence, and the
 * check falls due a year later (the cross views: ../views/views.service.test.ts). Every person and
 * company is fictional (the 法人番号 pass the check digit).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app.ts';
import { corporateNumberValid, type PartyInput } from '../../../../shared/api/provision-parties.ts';
import { databases } from '../../../../tests/support/databases.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { buildVaultOrg, type VaultOrg } from '../../../../tests/support/vault-fixture.ts';
import { MutableClock } from '../../../../tests/api/support/mutable-clock.ts';
import { aYearAfter } from './checks.service.ts';

const CONTRACTOR: PartyInput = {
  kind: 'company',
  name: '株式会社サンプル情報システム',
  address: '東京都千代田区霞が関一丁目1番1号',
  corporateNumber: '7000012050002',
  contacts: [
    { department: '公共営業部', name: '山田 太郎', phone: '03-0000-0000', email: 'sales@example.com' },
  ],
  contractor: true,
  managementStructure: '個人情報保護管理者を置き、取扱者を名簿で管理する',
};
const PDF = Buffer.from('%PDF-1.4\n% evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

it('checks the 法人番号 check digit and the default due date (the evidence store: platform/files)', () => {
  expect(corporateNumberValid('7000012050002')).toBe(true);
  expect(corporateNumberValid('1000012050002')).toBe(false);
  expect(corporateNumberValid('700001205000')).toBe(false);
  expect(aYearAfter('2026-11-30')).toBe('2027-11-30');
});

describe.each(databases)('outside parties on %s (A18, A19-1)', (kind) => {
  let services: Services;
  let o: VaultOrg;
  let clock: MutableClock;
  let dataDir: string;
  const p = () => services.provision.parties;

  beforeEach(async () => {
    clock = new MutableClock();
    dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-parties-'));
    services = await testServices(kind, { clock, env: { DATA_DIR: dataDir } });
    o = await buildVaultOrg(services);
    await o.appoint('president', 'chief_manager', 'director1');
  });
  afterEach(async () => {
    await services.database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const audits = (type: string) => services.ledger.count(services.database.db, { type });
  const refused = async (code: string, call: () => Promise<unknown>) =>
    expect(
      await call().then(
        () => null,
        (e: unknown) => e,
      ),
    ).toMatchObject({ code });

  it('is read by everyone and kept by 保護管理者 and 総括保護管理者; public bodies are derived from the kind', async () => {
    const pm = await o.as('tokyoKyomuHead');
    const v = await p().create(pm, CONTRACTOR);
    expect(v).toMatchObject({
      kind: 'company',
      isPublicBody: false,
      contractor: true,
      checkState: 'none',
      contacts: [{ department: '公共営業部', name: '山田 太郎' }],
      can: { edit: true, check: true },
    });
    expect(await audits('provision.party_created')).toBe(1);

    const staff = await o.as('tokyoKyomuStaff1');
    expect((await p().get(staff, v.id)).can).toEqual({ edit: false, check: false });
    await refused('auth.forbidden', () => p().create(staff, { kind: 'other', name: '任意団体' }));
    await refused('provision.party_duplicate', () => p().create(pm, CONTRACTOR));
    await expect(p().create(pm, { ...CONTRACTOR, corporateNumber: '1000012050002' })).rejects.toThrow();

    const agency = await p().create(await o.as('tokyoPrincipal'), {
      kind: 'local_government',
      name: '東京都教育庁',
    });
    expect(agency.isPublicBody).toBe(true);
    expect(await p().facts(agency.id)).toMatchObject({
      name: '東京都教育庁',
      isPublicBody: true,
      kind: 'local_government',
    });
    expect(await p().facts('00000000-0000-4000-8000-000000000000')).toBeNull();

    const list = await p().list(staff, { kind: 'company' });
    expect(list.parties.map((x) => x.name)).toEqual(['株式会社サンプル情報システム']);
    expect(list.canEdit).toBe(false);
    expect((await p().list(staff, { q: 'サンプル' })).parties).toHaveLength(1);
    expect((await p().list(staff, { contractor: 'false' })).parties.map((x) => x.id)).toEqual([agency.id]);

    const retired = await p().update(pm, v.id, { ...CONTRACTOR, active: false });
    expect(retired.active).toBe(false);
    expect((await p().list(staff, {})).parties.map((x) => x.id)).toEqual([agency.id]);
    expect((await p().list(staff, { state: 'retired' })).parties.map((x) => x.id)).toEqual([v.id]);
    await refused('provision.party_retired', () =>
      p().addCheck(pm, v.id, {
        checkedOn: '2026-11-01',
        method: 'document',
        findings: '確認した',
        result: 'pass',
      }),
    );
    await refused('provision.party_not_found', () => p().get(staff, '00000000-0000-4000-8000-000000000000'));
  });

  it('records capability checks with evidence, due a year later, then overdue (A19-1)', async () => {
    const pm = await o.as('tokyoKyomuHead');
    const v = await p().create(pm, CONTRACTOR);
    await refused('provision.check_date_invalid', () =>
      p().addCheck(pm, v.id, {
        checkedOn: '2026-12-01',
        method: 'on_site',
        findings: '実地確認',
        result: 'pass',
      }),
    );
    await expect(
      p().addCheck(pm, v.id, {
        checkedOn: '2026-11-01',
        method: 'certification',
        findings: '認証を確認',
        result: 'pass',
      }),
    ).rejects.toThrow();
    await refused('auth.forbidden', async () =>
      p().addCheck(await o.as('tokyoKyomuStaff1'), v.id, {
        checkedOn: '2026-11-01',
        method: 'document',
        findings: '確認した',
        result: 'pass',
      }),
    );
    const agency = await p().create(pm, { kind: 'public_body', name: '文部科学省 高等教育局' });
    await refused('provision.check_not_contractor', () =>
      p().addCheck(pm, agency.id, {
        checkedOn: '2026-11-01',
        method: 'document',
        findings: '確認',
        result: 'pass',
      }),
    );

    const check = await p().addCheck(pm, v.id, {
      checkedOn: '2026-11-01',
      method: 'certification',
      certification: 'プライバシーマーク',
      findings: '有効期間内のプライバシーマーク付与を確認した',
      result: 'pass',
    });
    expect(check).toMatchObject({ nextDueOn: '2027-11-01', checkedByName: '佐藤 花子', evidence: [] });
    expect(await audits('provision.party_checked')).toBe(1);

    await refused('provision.evidence_invalid', () =>
      p().addEvidence(pm, v.id, check.id, { fileName: 'a.txt', bytes: Buffer.from('plain text') }),
    );
    const withDoc = await p().addEvidence(pm, v.id, check.id, { fileName: '認証の写し.pdf', bytes: PDF });
    const doc = withDoc.evidence[0]!;
    expect(doc).toMatchObject({
      fileName: '認証の写し.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(doc.path).toBe(`/api/provision/parties/${v.id}/evidence/${doc.id}`);
    const got = await p().evidence(await o.as('tokyoKyomuStaff1'), v.id, doc.id);
    expect(Buffer.compare(got.body, PDF)).toBe(0);
    expect(await audits('provision.party_evidence_added')).toBe(1);

    // A document changed on disk is refused, not served.
    const dir = path.join(dataDir, 'provision', 'evidence');
    const [stored] = await readdir(dir);
    await writeFile(path.join(dir, stored!), Buffer.from('%PDF-1.4 changed'));
    await refused('provision.evidence_corrupt', () => p().evidence(pm, v.id, doc.id));

    const view = await p().get(pm, v.id);
    expect(view).toMatchObject({ checkState: 'current', lastResult: 'pass', nextCheckDueOn: '2027-11-01' });
    expect(await p().partiesWithOverdueChecks()).toEqual([]);

    clock.advanceMinutes(366 * 24 * 60);
    expect((await p().get(pm, v.id)).checkState).toBe('overdue');
    expect((await p().list(pm, { overdue: 'true' })).parties.map((x) => x.id)).toEqual([v.id]);
    expect(await p().partiesWithOverdueChecks()).toMatchObject([
      { partyId: v.id, nextCheckDueOn: '2027-11-01' },
    ]);
    // The gap falls on the section that works with the contractor (A19-1), once per section.
    const place = { partyId: v.id, unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu };
    expect(await p().contractorCheckGaps([place, place, { ...place, partyId: agency.id }])).toMatchObject([
      {
        kind: 'contractor_check_overdue',
        role: 'protection_manager',
        sectionId: o.sections.tokyoKyomu,
        article: 'A19-1',
      },
    ]);
    expect(await p().gaps()).toEqual([]);
  });
});
