import {
  isPublicBodyKind,
  partyInput,
  partyListQuery,
  partyUpdateInput,
  type PartyKind,
  type PartyListView,
  type PartySummaryView,
  type PartyView,
} from '../../../../shared/api/provision-parties.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { presentParty, presentSummary, type NameOf } from './parties.presenters.ts';
import { partiesRepo, type PartyRow } from './parties.repo.ts';

/** The facts of a party the other parts need (contracts, provisions). */
export interface PartyFacts {
  id: string;
  name: string;
  kind: string;
  /** 行政機関等 (A18): 国の行政機関, 独立行政法人等, 地方公共団体. */
  isPublicBody: boolean;
  contractor: boolean;
  active: boolean;
}

/**
 * The register of outside parties (issue 9; A18, A19): recipients and contractors with their
 * contacts and, for contractors, the management structure (A19-1(1)). Shared by the organisation:
 * everyone signed in reads it; 保護管理者 and 総括保護管理者 add and edit (see parties.policy.ts).
 * Every change is written with its audit event (provision.party_*) in one transaction.
 */
export function createPartiesCore(deps: ProvisionDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  const personOf = (ctx: Ctx): string => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  function namer(): NameOf {
    const cache = new Map<string, Promise<string>>();
    return (id) => {
      let n = cache.get(id);
      if (!n) cache.set(id, (n = deps.person(id).then((p) => p?.name ?? '')));
      return n;
    };
  }

  /** A party the caller reads (everyone signed in), or provision.party_not_found. */
  async function readable(ctx: Ctx, id: string, exec: Executor = db): Promise<PartyRow> {
    personOf(ctx);
    const row = await partiesRepo.get(exec, id);
    if (!row || !authz.can(ctx, 'read', 'ProvisionParty', { id }))
      throw new AppError('provision.party_not_found');
    return row;
  }

  const audit = (tx: Executor, ctx: Ctx, partyId: string, type: string, data: Record<string, unknown> = {}) =>
    ledger.audit(tx, ctx, { type, subjectType: 'ProvisionParty', subjectId: partyId, data });

  async function view(ctx: Ctx, id: string): Promise<PartyView> {
    const row = await readable(ctx, id);
    const checks = await partiesRepo.checks(db, [id]);
    const docs = await partiesRepo.documents(
      db,
      checks.map((c) => c.id),
    );
    const edit = authz.can(ctx, 'edit', 'ProvisionParty', { id });
    const check =
      row.contractor === 1 && row.active === 1 && authz.can(ctx, 'check', 'ProvisionParty', { id });
    return presentParty(row, checks, docs, clock.today(), namer(), { edit, check });
  }

  /** A party's summary as the caller reads it (the views' head). */
  async function summary(ctx: Ctx, id: string): Promise<PartySummaryView> {
    const row = await readable(ctx, id);
    const [latest] = await partiesRepo.checks(db, [id]);
    return presentSummary(row, latest ?? null, clock.today());
  }

  return { deps, db, now, personOf, namer, readable, audit, view, summary };
}
export type PartiesCore = ReturnType<typeof createPartiesCore>;

export function createPartiesService(core: PartiesCore) {
  const { deps, db } = core;
  const { authz, database, clock } = deps;

  /** The register, filtered (kind, name or 法人番号, contractors, overdue checks, state). */
  async function list(ctx: Ctx, raw: unknown = {}): Promise<PartyListView> {
    core.personOf(ctx);
    const q = partyListQuery.parse(raw ?? {});
    const rows = await partiesRepo.list(
      db,
      {
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.contractor ? { contractor: q.contractor === 'true' } : {}),
        state: q.state,
      },
      q.limit,
    );
    const checks = await partiesRepo.checks(
      db,
      rows.map((r) => r.id),
    );
    const today = clock.today();
    let parties = rows.map((r) => presentSummary(r, checks.find((c) => c.party_id === r.id) ?? null, today));
    if (q.overdue)
      parties = parties.filter(
        (p) => (p.checkState === 'overdue' || p.checkState === 'none') === (q.overdue === 'true'),
      );
    return { parties, canEdit: authz.can(ctx, 'edit', 'ProvisionParty') };
  }

  const fields = (input: ReturnType<typeof partyInput.parse>) => ({
    kind: input.kind,
    name: input.name,
    address: input.address,
    corporate_number: input.corporateNumber,
    contacts: JSON.stringify(input.contacts),
    contractor: input.contractor ? 1 : 0,
    management_structure: input.managementStructure,
    notes: input.notes,
  });

  /** Refuses a 法人番号 another party already has (provision.party_duplicate). */
  async function unique(tx: Executor, corporateNumber: string | null, self: string | null) {
    if (!corporateNumber) return;
    const other = await partiesRepo.byCorporateNumber(tx, corporateNumber);
    if (other && other.id !== self) throw new AppError('provision.party_duplicate');
  }

  /** Adds a party (audit provision.party_created). */
  async function create(ctx: Ctx, raw: unknown): Promise<PartyView> {
    const me = core.personOf(ctx);
    const input = partyInput.parse(raw);
    await authz.assertCan(ctx, 'edit', 'ProvisionParty');
    const id = newId();
    await database.transaction(async (tx) => {
      await unique(tx, input.corporateNumber, null);
      const at = core.now();
      await partiesRepo.insert(tx, {
        id,
        ...fields(input),
        active: 1,
        created_at: at,
        created_by: me,
        updated_at: at,
        updated_by: me,
      });
      await core.audit(tx, ctx, id, 'provision.party_created', {
        kind: input.kind,
        contractor: input.contractor,
        isPublicBody: isPublicBodyKind(input.kind),
      });
    });
    return core.view(ctx, id);
  }

  /** Replaces a party's record; active: false retires it (audit provision.party_updated). */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<PartyView> {
    const me = core.personOf(ctx);
    await core.readable(ctx, id);
    const input = partyUpdateInput.parse(raw);
    await authz.assertCan(ctx, 'edit', 'ProvisionParty', { id });
    await database.transaction(async (tx) => {
      const before = await core.readable(ctx, id, tx);
      await unique(tx, input.corporateNumber, id);
      await partiesRepo.update(tx, id, {
        ...fields(input),
        active: input.active ? 1 : 0,
        updated_at: core.now(),
        updated_by: me,
      });
      await core.audit(tx, ctx, id, 'provision.party_updated', {
        kind: input.kind,
        contractor: input.contractor,
        active: input.active,
        kindChanged: before.kind !== input.kind,
        retired: before.active === 1 && !input.active,
      });
    });
    return core.view(ctx, id);
  }

  /** A party's facts for the other parts, without a caller (null when unknown). */
  async function facts(partyId: string): Promise<PartyFacts | null> {
    const row = await partiesRepo.get(db, partyId);
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      isPublicBody: isPublicBodyKind(row.kind as PartyKind),
      contractor: row.contractor === 1,
      active: row.active === 1,
    };
  }

  return { list, get: (ctx: Ctx, id: string) => core.view(ctx, id), create, update, facts };
}
