import {
  clausesInput,
  contractInput,
  contractListQuery,
  type ContractListView,
  type ContractSummaryView,
  type ContractView,
} from '../../../../shared/api/provision-contracts.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fiscalYear } from '../../approvals/index.ts';
import { DRAFT, subjectOf, SUBJECT, type ContractsCore } from './contracts.core.ts';
import { createNamer, presentContract, presentSummary } from './contracts.presenters.ts';
import { contractsRepo, type ContractRow } from './contracts.repo.ts';
import { nextNumber as drawNumber } from '../../../platform/db/numbers.ts';

/** Those who read every contract: the 総括管理者 (A4) and the 監査責任者 (A8). */
const SEE_ALL = new Set(['chief_manager', 'audit_officer']);

const STATUS_SETS: Record<string, string[] | null> = {
  open: ['draft', 'active', 'ending'],
  all: null,
};

/**
 * Outsourcing contracts (issue 9; A19): the list, the view, creating and editing a draft and its
 * checklist of the six clauses (A19-1), and the summaries by file and by party for the views.
 */
export function createContractsService(core: ContractsCore) {
  const { deps, db } = core;

  /** The next number of the fiscal year (C2026-0001), drawn one at a time on PostgreSQL. */
  async function nextNumber(tx: Tx) {
    const prefix = `C${fiscalYear(deps.clock.today())}-`;
    return drawNumber(tx, deps.database.dialect, { table: 'provision_contracts', prefix, width: 4 });
  }

  /**
   * Checks a contract's facts: the contractor is in the register, the period runs forward, and every
   * file is a register file of the section (A19-1: the files whose handling is outsourced). Returns
   * whether a My Number file is involved (A19-4).
   */
  async function checkFacts(input: ReturnType<typeof contractInput.parse>, unitId: string) {
    await core.party(input.partyId);
    if (input.endsOn < input.startsOn) throw new AppError('provision.contract_period_invalid');
    let myNumber = false;
    for (const fileId of new Set(input.fileIds)) {
      const f = await deps.fileFacts(fileId);
      if (!f || f.sectionId !== input.sectionId || f.unitId !== unitId)
        throw new AppError('provision.contract_file_invalid');
      myNumber ||= f.myNumber;
    }
    return myNumber;
  }

  /** Creates a draft, by the section's 保護管理者. Audit provision.contract_created. */
  async function create(ctx: Ctx, raw: unknown): Promise<ContractView> {
    const me = core.personOf(ctx);
    const input = contractInput.parse(raw);
    const unitId = await deps.sectionUnit(input.sectionId);
    if (!unitId) throw new AppError('provision.contract_section_invalid');
    const subject = { unitId, sectionId: input.sectionId };
    if (!(await core.keeps(ctx, subject))) {
      // Not a keeper anywhere: 403 (audited); a keeper of another section chose the wrong one.
      if (!mayCreate(ctx)) await deps.authz.assertCan(ctx, 'keep', SUBJECT, subject);
      throw new AppError('provision.contract_section_invalid');
    }
    const myNumber = await checkFacts(input, unitId);
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      try {
        await deps.database.transaction(async (tx) => {
          const at = core.now();
          const row: ContractRow = {
            ...columns(input, myNumber),
            id,
            number: await nextNumber(tx),
            unit_id: unitId,
            section_id: input.sectionId,
            status: 'draft',
            exception_request_id: null,
            created_at: at,
            created_by: me,
            updated_at: at,
            updated_by: me,
            activated_at: null,
            activated_by: null,
            ended_at: null,
            ended_by: null,
            end_note: null,
            erasure_on: null,
            erasure_method: null,
            erasure_evidence: null,
            erasure_at: null,
            erasure_by: null,
            closed_at: null,
            closed_by: null,
          };
          await contractsRepo.insert(tx, row);
          await core.audit(tx, ctx, row, 'provision.contract_created', auditFacts(row));
        });
        break;
      } catch (e) {
        // Two creations at once may draw the same number on PostgreSQL: the unique key refuses one.
        if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
    return get(ctx, id);
  }

  /** Replaces a draft's facts (same section). Audit provision.contract_updated. */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = contractInput.parse(raw);
    const l = await core.open(ctx, id, DRAFT);
    if (input.sectionId !== l.row.section_id) throw new AppError('provision.contract_section_invalid');
    const myNumber = await checkFacts(input, l.row.unit_id);
    await core.commit(ctx, l, DRAFT, async (tx) => {
      const patch = columns(input, myNumber);
      await contractsRepo.update(tx, id, DRAFT.from, patch);
      await core.audit(tx, ctx, l.row, 'provision.contract_updated', auditFacts({ ...l.row, ...patch }));
    });
    return get(ctx, id);
  }

  /**
   * Saves clauses of the checklist (A19-1 (1)–(6)): stated or not, and where (条項番号, required
   * when stated). Audit provision.contract_clauses_saved with the clauses present and absent.
   */
  async function saveClauses(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = clausesInput.parse(raw);
    if (input.clauses.some((c) => c.present && !c.reference))
      throw new AppError('provision.contract_clause_reference_required');
    const l = await core.open(ctx, id, DRAFT);
    await core.commit(ctx, l, DRAFT, async (tx, at) => {
      for (const c of input.clauses)
        await contractsRepo.saveClause(tx, {
          contract_id: id,
          clause: c.clause,
          present: c.present ? 1 : 0,
          reference: c.present ? c.reference : null,
          note: c.note,
          updated_at: at,
          updated_by: l.me,
        });
      await core.audit(tx, ctx, l.row, 'provision.contract_clauses_saved', {
        present: input.clauses.filter((c) => c.present).map((c) => c.clause),
        absent: input.clauses.filter((c) => !c.present).map((c) => c.clause),
      });
    });
    return get(ctx, id);
  }

  /** One contract. Throws provision.contract_not_found outside the caller's view. */
  async function get(ctx: Ctx, id: string): Promise<ContractView> {
    const l = await core.readable(ctx, id);
    const keeps = await core.keeps(ctx, subjectOf(l.row));
    const asks = deps.authz.can(ctx, 'request_subcontract', 'ProvisionContract', subjectOf(l.row));
    const n = createNamer(deps, core.parties);
    return presentContract(deps, n, l, keeps, core.now(), deps.clock.today(), asks);
  }

  /** The contracts the caller reads, ordered by the end of their period. */
  async function list(ctx: Ctx, raw: unknown = {}): Promise<ContractListView> {
    core.personOf(ctx);
    const q = contractListQuery.parse(raw ?? {});
    const roles = ctx.actor.kind === 'person' ? ctx.actor.roles : [];
    const rows = await contractsRepo.list(db, {
      all: ctx.actor.kind !== 'person' || roles.some((r) => SEE_ALL.has(r.role)),
      unitIds: roles.flatMap((r) => (r.role === 'chief_protection_manager' && r.unitId ? [r.unitId] : [])),
      // The section's 保護管理者 and 保護担当者, and its staff (A19-3: they ask for subcontracting).
      sectionIds: [
        ...roles.flatMap((r) =>
          (r.role === 'protection_manager' || r.role === 'protection_officer') && r.sectionId
            ? [r.sectionId]
            : [],
        ),
        ...(ctx.actor.kind === 'person' && ctx.actor.sectionId ? [ctx.actor.sectionId] : []),
      ],
      statuses: q.status in STATUS_SETS ? STATUS_SETS[q.status]! : [q.status],
      partyId: q.partyId,
      sectionId: q.sectionId,
    });
    const visible = rows.filter(
      (r) => core.reads(ctx, r) && (!q.fileId || (JSON.parse(r.file_ids) as string[]).includes(q.fileId)),
    );
    return {
      contracts: await summaries(visible),
      canCreate: mayCreate(ctx),
    };
  }

  /** Summaries of rows (their clauses, exception and subcontracts read for each). */
  async function summaries(rows: ContractRow[]): Promise<ContractSummaryView[]> {
    const subs = await contractsRepo.subcontracts(
      db,
      rows.map((r) => r.id),
    );
    const n = createNamer(deps, core.parties);
    const now = core.now();
    const today = deps.clock.today();
    return Promise.all(
      rows.map(async (row) => {
        const [clauses, exception] = await Promise.all([
          contractsRepo.clauses(db, row.id),
          row.exception_request_id ? deps.approvals.row(row.exception_request_id) : undefined,
        ]);
        const subcontracts = subs.filter((s) => s.contract_id === row.id);
        return presentSummary(n, { row, clauses, exception: exception ?? null, subcontracts }, now, today);
      }),
    );
  }

  /** For the views (A19): contracts that involve a file, every status; the caller checks who reads them. */
  const byFile = async (fileId: string) => summaries(await contractsRepo.byFile(db, fileId));
  /** For the views (A19): contracts where a party is the contractor or a subcontractor. */
  const byParty = async (partyId: string) => summaries(await contractsRepo.byParty(db, partyId));

  return { create, update, saveClauses, get, list, byFile, byParty };
}

/** A 保護管理者 (or a 総括保護管理者, for a vacant seat) may create contracts. */
const mayCreate = (ctx: Ctx) =>
  ctx.actor.kind === 'person' &&
  ctx.actor.roles.some((r) => r.role === 'protection_manager' || r.role === 'chief_protection_manager');

/** The columns a contract's facts set. */
function columns(input: ReturnType<typeof contractInput.parse>, myNumber: boolean) {
  return {
    party_id: input.partyId,
    title: input.title,
    work: input.work,
    reference: input.reference,
    kind: input.kind,
    file_ids: JSON.stringify([...new Set(input.fileIds)]),
    my_number: myNumber ? 1 : 0,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    supervision_plan: input.supervisionPlan,
  };
}

/** What an audit event says of a contract's facts: ids, codes and dates. */
const auditFacts = (
  row: Pick<ContractRow, 'party_id' | 'kind' | 'file_ids' | 'starts_on' | 'ends_on' | 'my_number'>,
) => ({
  partyId: row.party_id,
  kind: row.kind,
  fileIds: JSON.parse(row.file_ids) as string[],
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  myNumber: row.my_number === 1,
});

export type ContractsService = ReturnType<typeof createContractsService>;
