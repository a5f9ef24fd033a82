/**
 * The cross views (issue 9 "Views"; A18, A19) on SQLite and PostgreSQL, over summaries standing in
 * for the contracts and provisions parts: who receives or processes 東京 教務係's 学籍ファイル, what
 * a party receives or processes, each limited to what the caller reads, and the XLSX and PDF
 * exports with their audit events. Every person and company is fictional.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app.ts';
import type { ContractSummaryView } from '../../../../shared/api/provision-contracts.ts';
import type { ProvisionSummary } from '../../../../shared/api/provision-provisions.ts';
import { databases } from '../../../../tests/support/databases.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { buildVaultOrg, type VaultOrg } from '../../../../tests/support/vault-fixture.ts';
import { MutableClock } from '../../../../tests/api/support/mutable-clock.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { createViews } from './index.ts';

const CONTRACTOR = {
  kind: 'company',
  name: '株式会社サンプル情報システム',
  corporateNumber: '7000012050002',
  contractor: true,
} as const;

describe.each(databases)('provision views on %s (A18, A19)', (kind) => {
  let services: Services;
  let o: VaultOrg;
  let clock: MutableClock;
  let dataDir: string;
  const p = () => services.provision.parties;

  beforeEach(async () => {
    clock = new MutableClock();
    dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-views-'));
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

  it('shows per file and per party who receives or processes what, within the caller’s scope, and exports it', async () => {
    const pm = await o.as('tokyoKyomuHead');
    const company = await p().create(pm, CONTRACTOR);
    const sub = await p().create(pm, {
      kind: 'company',
      name: '株式会社サンプル運用サービス',
      contractor: true,
    });
    const agency = await p().create(pm, { kind: 'local_government', name: '東京都教育庁' });
    const tokyo = { unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu, sectionName: '教務係' };
    const provision: ProvisionSummary = {
      id: '00000000-0000-4000-8000-000000000001',
      number: 'P2026-0001',
      status: 'active',
      partyId: agency.id,
      partyName: agency.name,
      isPublicBody: true,
      ground: 'law',
      frequency: 'regular',
      useForm: 'electronic',
      recipientPurpose: '学校基本調査',
      fileIds: [o.tokyoFile],
      startsOn: '2026-04-01',
      endsOn: null,
      sectionId: tokyo.sectionId,
      unitId: tokyo.unitId,
    };
    const contract: ContractSummaryView = {
      id: '00000000-0000-4000-8000-000000000002',
      number: 'C2026-0001',
      title: '教務システムの保守',
      reference: null,
      kind: 'outsourcing',
      status: 'active',
      partyId: company.id,
      partyName: company.name,
      unitName: '東京高専',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      myNumber: false,
      missingClauses: [],
      expiring: false,
      subcontractors: [{ partyId: sub.id, partyName: sub.name, depth: 1, status: 'working' }],
      ...tokyo,
    };
    const other: ContractSummaryView = {
      ...contract,
      id: '00000000-0000-4000-8000-000000000003',
      number: 'C2026-0002',
      unitId: o.units.nagaoka,
      sectionId: o.sections.nagaokaKyomu,
    };
    const byFile = (id: string) => (id === o.tokyoFile ? [contract] : []);
    const byParty = (id: string) =>
      [contract, other].filter((c) => c.partyId === id || c.subcontractors.some((s) => s.partyId === id));
    const deps: ProvisionDeps = {
      database: services.database,
      ledger: services.ledger,
      authz: services.authz,
      clock,
      approvals: services.approvals.approvals,
      notifications: services.approvals.notifications,
      vault: services.vault,
      fileFacts: (id) => services.register.files.vaultFacts(id),
      sectionUnit: async (id) => (await services.organisation.sections.facts(id))?.unitId ?? null,
      person: async (id) => {
        const x = await services.organisation.people.get(id);
        return x
          ? { name: `${x.family_name} ${x.given_name}`, email: x.email, active: x.active === 1 }
          : null;
      },
      names: () => services.organisation.units.names(),
      appointed: () => Promise.resolve([]),
      documentsDir: path.join(dataDir, 'provision'),
    };
    const views = createViews(
      deps,
      p(),
      { byFile: (id) => Promise.resolve(byFile(id)), byParty: (id) => Promise.resolve(byParty(id)) },
      {
        byFile: (id) => Promise.resolve(id === o.tokyoFile ? [provision] : []),
        byParty: (id) => Promise.resolve(id === agency.id ? [provision] : []),
      },
    );

    const file = await views.file(pm, o.tokyoFile);
    expect(file.file).toMatchObject({ name: '学籍ファイル', sectionName: '教務係' });
    expect(file.provisions.map((x) => x.number)).toEqual(['P2026-0001']);
    expect(file.contracts.map((x) => x.number)).toEqual(['C2026-0001']);
    await refused('provision.file_not_found', async () =>
      views.file(await o.as('tokyoKyomuStaff1'), o.tokyoFile),
    );
    await refused('provision.file_not_found', () => views.file(pm, o.nagaokaFile));
    expect((await views.file(await o.as('director1'), o.tokyoFile)).contracts).toHaveLength(1);

    // The subcontractor's overview: the chain it works in, only where the caller reads.
    expect((await views.party(pm, sub.id)).contracts.map((c) => c.number)).toEqual(['C2026-0001']);
    expect((await views.party(await o.as('director1'), sub.id)).contracts).toHaveLength(2);
    const staffView = await views.party(await o.as('tokyoKyomuStaff1'), company.id);
    expect(staffView).toMatchObject({ party: { id: company.id }, contracts: [], provisions: [] });

    const xlsx = await views.exportFile(pm, o.tokyoFile, 'xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const pdf = await views.exportParty(await o.as('director1'), sub.id, 'pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.filename).toBe(`provision-party-${sub.id}.pdf`);
    expect(await audits('provision.file_overview_exported')).toBe(1);
    expect(await audits('provision.party_overview_exported')).toBe(1);
  });
});
