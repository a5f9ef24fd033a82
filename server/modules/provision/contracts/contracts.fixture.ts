/**
 * The ground of the contracts' service tests (issue 9; A19): services over a fresh database with a
 * data directory of their own, the organisation with its vault files, three fictional companies
 * of the parties register, and helpers to act. Every company and person is fictional.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Services } from '../../../app.ts';
import { CONTRACT_CLAUSES, type ContractInput } from '../../../../shared/api/provision-contracts.ts';
import { newId } from '../../../platform/ids.ts';
import type { DatabaseKind } from '../../../../tests/support/databases.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { buildVaultOrg } from '../../../../tests/support/vault-fixture.ts';
import { MutableClock } from '../../../../tests/api/support/mutable-clock.ts';

export type ContractsWorld = Awaited<ReturnType<typeof contractsWorld>>;

export async function contractsWorld(kind: DatabaseKind) {
  const clock = new MutableClock();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-contracts-'));
  const services: Services = await testServices(kind, { clock, env: { DATA_DIR: dataDir } });
  const o = await buildVaultOrg(services);

  /** A party of the register, written as the parties part stores it. */
  async function party(name: string, contractor = true) {
    const id = newId();
    const at = clock.now().toISOString();
    await services.database.db
      .insertInto('provision_parties')
      .values({
        id,
        kind: 'company',
        name,
        address: null,
        corporate_number: null,
        contacts: '[]',
        contractor: contractor ? 1 : 0,
        management_structure: null,
        notes: null,
        active: 1,
        created_at: at,
        created_by: o.people.tokyoKyomuHead,
        updated_at: at,
        updated_by: o.people.tokyoKyomuHead,
      })
      .execute();
    return id;
  }
  const vendor = await party('架空システム株式会社');
  const sub1 = await party('架空データサービス株式会社');
  const sub2 = await party('架空入力センター有限会社');

  const s = () => services.provision.contracts;
  const pm = () => o.as('tokyoKyomuHead');
  const cpm = () => o.as('tokyoPrincipal');
  const audits = (type: string) => services.ledger.count(services.database.db, { type });
  const refused = async (code: string, call: () => Promise<unknown>) =>
    expect(
      await call().then(
        () => null,
        (e: unknown) => e,
      ),
    ).toMatchObject({ code });

  /** A draft of 東京 教務係 outsourcing the maintenance of its student system. */
  const draft = async (over: Partial<ContractInput> = {}) =>
    s().create(await pm(), {
      partyId: vendor,
      sectionId: o.sections.tokyoKyomu,
      title: '教務システム保守業務委託',
      work: '教務システムの保守及び障害対応',
      kind: 'outsourcing',
      fileIds: [o.tokyoFile],
      startsOn: '2026-12-01',
      endsOn: '2027-03-31',
      ...over,
    });

  /** The six clauses, stated with their article numbers, except those named. */
  const allClauses = (except: string[] = []) =>
    CONTRACT_CLAUSES.map((clause, i) => ({
      clause,
      present: !except.includes(clause),
      reference: except.includes(clause) ? null : `第${i + 10}条`,
    }));

  /** A complete draft made active by the 保護管理者. */
  const active = async (over: Partial<ContractInput> = {}) => {
    const v = await draft(over);
    await s().saveClauses(await pm(), v.id, { clauses: allClauses() });
    return s().activate(await pm(), v.id);
  };

  /** The 総括保護管理者 approves a request (the section's only 保護管理者 asked). */
  const approve = async (requestId: string) => {
    const req = await services.approvals.approvals.get(await cpm(), requestId);
    return services.approvals.approvals.decide(await cpm(), requestId, {
      decision: 'approve',
      revision: req.revision,
    });
  };

  const close = async () => {
    await services.database.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  return {
    services,
    o,
    clock,
    vendor,
    sub1,
    sub2,
    party,
    s,
    pm,
    cpm,
    audits,
    refused,
    draft,
    allClauses,
    active,
    approve,
    close,
  };
}
