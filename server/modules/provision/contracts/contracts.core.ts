import type { ContractStatus } from '../../../../shared/api/provision-contracts.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { contractsRepo, type ContractRow } from './contracts.repo.ts';
import type { Loaded } from './contracts.reading.ts';

export const SUBJECT = 'ProvisionContract';

export const subjectOf = (row: Pick<ContractRow, 'id' | 'unit_id' | 'section_id'>) => ({
  id: row.id,
  unitId: row.unit_id,
  sectionId: row.section_id,
});

/** Where a change may be made, and the code when the contract is elsewhere in its lifecycle. */
export interface Stage {
  from: ContractStatus[];
  code: ErrorCode;
}
export const DRAFT: Stage = { from: ['draft'], code: 'provision.contract_not_draft' };
export const RUNNING: Stage = { from: ['active', 'ending'], code: 'provision.contract_not_active' };
export const ENDING: Stage = { from: ['ending'], code: 'provision.contract_not_ending' };

/**
 * The common ground of the use cases: loading a contract, who reads it (404 otherwise), who keeps it
 * (403, audited), the change in one transaction with its audit event, refused when the contract
 * moved meanwhile.
 */
export function createContractsCore(deps: ProvisionDeps, parties: PartiesModule) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  const personOf = (ctx: Ctx): string => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  async function loadRow(exec: Executor, row: ContractRow): Promise<Loaded> {
    const [clauses, subcontracts, checks, improvements, documents, exception] = await Promise.all([
      contractsRepo.clauses(exec, row.id),
      contractsRepo.subcontracts(exec, [row.id]),
      contractsRepo.checks(exec, [row.id]),
      contractsRepo.improvements(exec, row.id),
      contractsRepo.documents(exec, row.id),
      row.exception_request_id ? deps.approvals.row(row.exception_request_id) : Promise.resolve(undefined),
    ]);
    return { row, clauses, subcontracts, checks, improvements, documents, exception: exception ?? null };
  }

  async function load(id: string, exec: Executor = db): Promise<Loaded | null> {
    const row = await contractsRepo.get(exec, id);
    return row ? loadRow(exec, row) : null;
  }

  const reads = (ctx: Ctx, row: ContractRow) => authz.can(ctx, 'read', SUBJECT, subjectOf(row));

  /** The section's 保護管理者 keeps it; a vacant seat falls to the unit's 総括保護管理者 (A5). */
  async function keeps(ctx: Ctx, s: { unitId: string; sectionId: string; id?: string }): Promise<boolean> {
    if (authz.can(ctx, 'keep', SUBJECT, s)) return true;
    if (!authz.can(ctx, 'oversee', SUBJECT, s)) return false;
    return (await deps.appointed('protection_manager', s.unitId, s.sectionId)).length === 0;
  }

  async function assertKeeps(ctx: Ctx, s: { unitId: string; sectionId: string; id?: string }) {
    if (!(await keeps(ctx, s))) await authz.assertCan(ctx, 'keep', SUBJECT, s);
  }

  async function readable(ctx: Ctx, id: string): Promise<Loaded> {
    personOf(ctx);
    const l = await load(id);
    if (!l || !reads(ctx, l.row)) throw new AppError('provision.contract_not_found');
    return l;
  }

  /** Opens a contract for a change by its keeper: 404, 403 (audited), or the stage's 409. */
  async function open(ctx: Ctx, id: string, stage: Stage): Promise<Loaded & { me: string }> {
    const me = personOf(ctx);
    const l = await readable(ctx, id);
    await assertKeeps(ctx, subjectOf(l.row));
    if (!(stage.from as string[]).includes(l.row.status)) throw new AppError(stage.code);
    return { ...l, me };
  }

  /**
   * Writes a change in one transaction: refused with the stage's code if the contract moved
   * meanwhile (its updated_at/by is set with the change).
   */
  async function commit(
    ctx: Ctx,
    l: Loaded & { me: string },
    stage: Stage,
    write: (tx: Tx, at: string) => Promise<void>,
  ) {
    await database.transaction(async (tx) => {
      const at = now();
      if (!(await contractsRepo.update(tx, l.row.id, stage.from, { updated_at: at, updated_by: l.me })))
        throw new AppError(stage.code);
      await write(tx, at);
    });
    deps.notifications.flushSoon();
  }

  /** The audit event of a change: ids, numbers, dates and codes, never free text. */
  const audit = (
    tx: Executor,
    ctx: Ctx,
    row: Pick<ContractRow, 'id' | 'unit_id' | 'section_id' | 'number'>,
    type: string,
    data: Record<string, unknown> = {},
  ) =>
    ledger.audit(tx, ctx, {
      type,
      subjectType: SUBJECT,
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      data: { number: row.number, ...data },
    });

  /**
   * A contractor of the register, in use (the contractor or a subcontractor, A19-1: chosen among
   * parties whose capability is checked), or provision.contract_party_invalid.
   */
  async function party(partyId: string) {
    const p = await parties.facts(partyId);
    if (!p || !p.contractor || !p.active) throw new AppError('provision.contract_party_invalid');
    return p;
  }

  /** A day not after today (inspections, supervision, erasure). */
  function notFuture(day: string) {
    if (day > clock.today()) throw new AppError('provision.contract_date_in_future');
  }

  return {
    deps,
    parties,
    db,
    now,
    personOf,
    load,
    loadRow,
    reads,
    keeps,
    assertKeeps,
    readable,
    open,
    commit,
    audit,
    party,
    notFuture,
  };
}

export type ContractsCore = ReturnType<typeof createContractsCore>;
