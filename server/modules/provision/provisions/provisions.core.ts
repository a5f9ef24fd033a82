import type {
  AgreementInput,
  Frequency,
  MeasuresInput,
  ProvisionGround,
  ProvisionStatus,
  ProvisionSummary,
  ProvisionView,
  UseForm,
} from '../../../../shared/api/provision-provisions.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import {
  provisionsRepo,
  type LoadedProvision,
  type ProvisionFileRow,
  type ProvisionRow,
} from './provisions.repo.ts';
import { agreementRequired, isOutOfPurpose, itemLabels, measuresRequired } from './provisions.rules.ts';

/** Editable states: a draft, or one the approver denied (or its request closed unused). */
export const EDITABLE: readonly ProvisionStatus[] = ['draft', 'rejected'];
/** States in which checks and improvement requests are recorded (before or during, A18-2). */
export const OPEN: readonly ProvisionStatus[] = ['draft', 'pending', 'active', 'rejected'];

export type StoredMeasures = Required<Omit<MeasuresInput, 'confirmedOn'>> & { confirmedOn: string | null };
export const NO_MEASURES: StoredMeasures = { measures: [], other: '', confirmedOn: null, confirmedBy: '' };

export const subjectOf = (row: Pick<ProvisionRow, 'id' | 'unit_id' | 'section_id'>) => ({
  id: row.id,
  unitId: row.unit_id,
  sectionId: row.section_id,
});

export const personOf = (ctx: Ctx): string => {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
};

const agreementOf = (row: ProvisionRow) =>
  row.agreement ? (JSON.parse(row.agreement) as Required<AgreementInput>) : null;
export const measuresOf = (row: ProvisionRow): StoredMeasures => ({
  ...NO_MEASURES,
  ...(JSON.parse(row.measures) as Partial<StoredMeasures>),
});

/** Loading, authorising, auditing and presenting provisions: shared by the service's parts. */
export function createProvisionsCore(h: ProvisionDeps, parties: PartiesModule) {
  const { database, ledger, authz, clock } = h;

  /** A provision the caller reads; provision.provision_not_found otherwise (never 403). */
  async function visible(ctx: Ctx, id: string, db: Executor = database.db): Promise<LoadedProvision> {
    const l = await provisionsRepo.load(db, id);
    if (!l || !authz.can(ctx, 'read', 'Provision', subjectOf(l.row)))
      throw new AppError('provision.provision_not_found');
    return l;
  }

  /** A provision the caller keeps (its section's 保護管理者, A18): 404 unseen, 403 seen but not kept. */
  async function kept(ctx: Ctx, id: string): Promise<LoadedProvision> {
    const l = await visible(ctx, id);
    await authz.assertCan(ctx, 'keep', 'Provision', subjectOf(l.row));
    return l;
  }

  async function audit(
    tx: Executor,
    ctx: Ctx,
    row: Pick<ProvisionRow, 'id' | 'unit_id' | 'section_id' | 'number'>,
    type: string,
    data: Record<string, unknown> = {},
  ) {
    await ledger.audit(tx, ctx, {
      type: `provision.provision_${type}`,
      subjectType: 'Provision',
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      // Ids, numbers and codes only.
      data: { number: row.number, ...data },
    });
  }

  /** A refusal written to the log before it is answered (outside any transaction). */
  async function refuse(
    ctx: Ctx,
    scope: { unitId: string; sectionId: string; id: string | null },
    code: ErrorCode,
  ) {
    await ledger.audit(database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'Provision',
      subjectId: scope.id,
      unitId: scope.unitId,
      sectionId: scope.sectionId,
      outcome: 'denied',
      data: { action: 'provision', code },
    });
    return new AppError(code);
  }

  async function partyOr400(partyId: string) {
    const party = await parties.facts(partyId);
    // A retired party receives nothing new.
    if (!party || ('active' in party && party.active === false))
      throw new AppError('provision.provision_party_invalid');
    return party;
  }

  function summary(
    row: ProvisionRow,
    files: ProvisionFileRow[],
    party: { name: string; isPublicBody: boolean } | null,
  ) {
    const s: ProvisionSummary = {
      id: row.id,
      number: row.number,
      status: row.status as ProvisionStatus,
      partyId: row.party_id,
      partyName: party?.name ?? '—',
      isPublicBody: party?.isPublicBody ?? false,
      ground: row.ground as ProvisionGround,
      frequency: row.frequency as Frequency,
      useForm: row.use_form as UseForm,
      recipientPurpose: row.recipient_purpose,
      fileIds: files.map((f) => f.file_id),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      sectionId: row.section_id,
      unitId: row.unit_id,
    };
    return s;
  }

  async function nameOf(id: string | null) {
    return id ? ((await h.person(id))?.name ?? '—') : '—';
  }

  async function present(ctx: Ctx, l: LoadedProvision): Promise<ProvisionView> {
    const { row } = l;
    const party = await parties.facts(row.party_id);
    const isPublic = party?.isPublicBody ?? false;
    const ground = row.ground as ProvisionGround;
    const deemed = row.measures_deemed_necessary === 1;
    const agreement = agreementOf(row);
    const keeps = authz.can(ctx, 'keep', 'Provision', subjectOf(row));
    const today = clock.today();
    const files = await Promise.all(
      l.files.map(async (f) => {
        const items = JSON.parse(f.items) as string[];
        const facts = await h.fileFacts(f.file_id);
        return {
          fileId: f.file_id,
          fileName: facts?.name ?? '—',
          myNumberFile: facts?.myNumber ?? false,
          items,
          itemLabels: await itemLabels(h, f.file_id, items),
        };
      }),
    );
    return {
      ...summary(row, l.files, party),
      files,
      lawName: row.law_name,
      harmStatement: row.harm_statement,
      legalBasis: row.legal_basis,
      recordRange: row.record_range,
      measuresDeemedNecessary: deemed,
      measuresReason: row.measures_reason,
      nextCheckDue: row.next_check_due,
      agreementRequired: agreementRequired(ground, { isPublicBody: isPublic }),
      measuresRequired: measuresRequired(ground, { isPublicBody: isPublic }, deemed),
      agreement: agreement
        ? {
            ...agreement,
            hasDocument: row.agreement_document_key !== null,
            documentName: row.agreement_document_name,
          }
        : null,
      measures: { ...measuresOf(row), measures: measuresOf(row).measures },
      checks: await Promise.all(
        l.checks.map(async (c) => ({
          id: c.id,
          kind: c.kind as 'onsite' | 'documentary',
          timing: c.timing as 'before' | 'during',
          checkedOn: c.checked_on,
          findings: c.findings,
          result: c.result as 'satisfactory' | 'improvement_needed' | 'unsatisfactory',
          recordedByName: await nameOf(c.recorded_by),
        })),
      ),
      improvements: l.improvements.map((i) => ({
        id: i.id,
        checkId: i.check_id,
        request: i.request,
        dueOn: i.due_on,
        doneOn: i.done_on,
        note: i.note,
        overdue: i.done_on === null && i.due_on < today,
      })),
      acts: await Promise.all(
        l.acts.map(async (a) => ({
          id: a.id,
          fileId: a.file_id,
          providedOn: a.provided_on,
          records: a.records,
          means: a.means as 'paper' | 'media' | 'email' | 'online' | 'inspection',
          note: a.note,
          recordedByName: await nameOf(a.recorded_by),
        })),
      ),
      approvalId: row.approval_id,
      approvalLevel: isOutOfPurpose(ground) ? 'chief_protection_manager' : 'protection_manager',
      closedReason: row.closed_reason,
      createdAt: row.created_at,
      canEdit: keeps && EDITABLE.includes(row.status as ProvisionStatus),
      canSubmit: keeps && EDITABLE.includes(row.status as ProvisionStatus),
      canRecordAct: keeps && row.status === 'active',
    };
  }

  return { visible, kept, audit, refuse, partyOr400, summary, present };
}

export type ProvisionsCore = ReturnType<typeof createProvisionsCore>;
