import {
  closeInput,
  provisionInput,
  provisionPatch,
  type ProvisionGround,
  type ProvisionInput,
  type ProvisionStatus,
  type ProvisionView,
} from '../../../../shared/api/provision-provisions.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fiscalYear } from '../../approvals/index.ts';
import type { VaultFacts } from '../../register/register.service.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { EDITABLE, NO_MEASURES, personOf, type ProvisionsCore } from './provisions.core.ts';
import { provisionsRepo, type ProvisionRow } from './provisions.repo.ts';
import { checkGround, resolveItems } from './provisions.rules.ts';
import { nextNumber as drawNumber } from '../../../platform/db/numbers.ts';

type Parsed = ReturnType<typeof provisionInput.parse>;

/**
 * Provisions to third parties (issue 9; A17-1, A17-2, A17の2, A18): the section's 保護管理者 drafts one
 * (recipient, files and items, ground, the recipient's purpose, legal basis, range, form of use), adds
 * the written agreement and measures where A18 asks them, and submits it (provisions.approval.ts). Only
 * an approved provision is active; it ends when closed.
 */
export function createProvisionsService(h: ProvisionDeps, core: ProvisionsCore) {
  const { database, authz, clock } = h;

  /** The recipient, the files (one section the caller keeps) and their items, checked against A17/A18. */
  async function resolve(ctx: Ctx, input: Parsed, id: string | null) {
    const party = await core.partyOr400(input.partyId);
    const files: VaultFacts[] = [];
    for (const f of input.files) {
      const facts = await h.fileFacts(f.fileId);
      if (!facts || files.some((x) => x.fileId === f.fileId))
        throw new AppError('provision.provision_file_invalid');
      files.push(facts);
    }
    const { unitId, sectionId } = files[0]!;
    if (files.some((f) => f.sectionId !== sectionId)) throw new AppError('provision.provision_files_mixed');
    if (!authz.can(ctx, 'keep', 'Provision', { unitId, sectionId }))
      throw new AppError('provision.provision_file_invalid');
    try {
      checkGround(input, party, files);
    } catch (e) {
      // A17の2: a refusal on My Numbers is written to the log.
      if (e instanceof AppError && e.code === 'provision.my_number_out_of_purpose')
        throw await core.refuse(ctx, { id, unitId, sectionId }, e.code);
      throw e;
    }
    const items = await Promise.all(input.files.map((f, i) => resolveItems(h, files[i]!, f.items)));
    return {
      party,
      files,
      unitId,
      sectionId,
      items: input.files.map((f, i) => ({ fileId: f.fileId, items: items[i]! })),
    };
  }

  const columns = (input: Parsed) => ({
    party_id: input.partyId,
    ground: input.ground,
    law_name: input.lawName,
    harm_statement: input.harmStatement,
    recipient_purpose: input.recipientPurpose,
    legal_basis: input.legalBasis,
    record_range: input.recordRange,
    use_form: input.useForm,
    frequency: input.frequency,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    measures_deemed_necessary: input.measuresDeemedNecessary ? 1 : 0,
    measures_reason: input.measuresReason,
    next_check_due: input.nextCheckDue,
  });

  async function create(ctx: Ctx, raw: unknown): Promise<ProvisionView> {
    const me = personOf(ctx);
    await authz.assertCan(ctx, 'keep', 'Provision');
    const input = provisionInput.parse(raw);
    const r = await resolve(ctx, input, null);
    const id = newId();
    const now = clock.now().toISOString();
    const prefix = `P${fiscalYear(clock.today())}-`;
    for (let attempt = 0; ; attempt++) {
      try {
        await database.transaction(async (tx) => {
          const number = await drawNumber(tx, database.dialect, { table: 'provisions', prefix, width: 4 });
          const row = { id, number, unit_id: r.unitId, section_id: r.sectionId };
          await provisionsRepo.insert(tx, {
            ...row,
            ...columns(input),
            status: 'draft',
            approval_id: null,
            agreement: null,
            agreement_document_name: null,
            agreement_document_key: null,
            agreement_document_type: null,
            agreement_document_sha256: null,
            measures: JSON.stringify(NO_MEASURES),
            closed_reason: null,
            closed_at: null,
            created_by: me,
            created_at: now,
            updated_at: now,
          });
          await provisionsRepo.replaceFiles(tx, id, r.items);
          await core.audit(tx, ctx, row, 'created', {
            partyId: input.partyId,
            ground: input.ground,
            fileIds: r.items.map((f) => f.fileId),
            frequency: input.frequency,
            useForm: input.useForm,
          });
        });
        break;
      } catch (e) {
        // Two provisions at once may draw the same number on PostgreSQL: the unique key refuses one.
        if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
    return get(ctx, id);
  }

  /** The stored provision as an input, to merge a patch into. */
  const asInput = (row: ProvisionRow, files: { file_id: string; items: string }[]): ProvisionInput => ({
    partyId: row.party_id,
    files: files.map((f) => ({ fileId: f.file_id, items: JSON.parse(f.items) as string[] })),
    ground: row.ground as ProvisionGround,
    lawName: row.law_name,
    harmStatement: row.harm_statement,
    recipientPurpose: row.recipient_purpose,
    legalBasis: row.legal_basis,
    recordRange: row.record_range,
    useForm: row.use_form as Parsed['useForm'],
    frequency: row.frequency as Parsed['frequency'],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    measuresDeemedNecessary: row.measures_deemed_necessary === 1,
    measuresReason: row.measures_reason,
    nextCheckDue: row.next_check_due,
  });

  /** Edits a draft (or a denied one) — the same checks as creation. */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<ProvisionView> {
    const l = await core.kept(ctx, id);
    // Only the fields sent change (the patch's defaults would otherwise overwrite stored values).
    const sent = new Set(Object.keys(raw ?? {}));
    const patch = Object.fromEntries(
      Object.entries(provisionPatch.parse(raw ?? {})).filter(([k]) => sent.has(k)),
    ) as Partial<Parsed>;
    if (!EDITABLE.includes(l.row.status as ProvisionStatus))
      throw new AppError('provision.provision_not_editable');
    const input = provisionInput.parse({ ...asInput(l.row, l.files), ...patch });
    const r = await resolve(ctx, input, id);
    if (r.sectionId !== l.row.section_id) throw new AppError('provision.provision_files_mixed');
    await database.transaction(async (tx) => {
      const moved = await provisionsRepo.update(tx, id, EDITABLE, {
        ...columns(input),
        updated_at: clock.now().toISOString(),
      });
      if (!moved) throw new AppError('provision.provision_not_editable');
      await provisionsRepo.replaceFiles(tx, id, r.items);
      await core.audit(tx, ctx, l.row, 'updated', {
        fields: Object.keys(patch),
        ground: input.ground,
        fileIds: r.items.map((f) => f.fileId),
      });
    });
    return get(ctx, id);
  }

  /** Ends a provision (draft, denied or active); a pending one is withdrawn through its request first. */
  async function close(ctx: Ctx, id: string, raw: unknown): Promise<ProvisionView> {
    const l = await core.kept(ctx, id);
    const input = closeInput.parse(raw);
    const from = ['draft', 'rejected', 'active'];
    if (!from.includes(l.row.status)) throw new AppError('provision.provision_not_editable');
    await database.transaction(async (tx) => {
      const now = clock.now().toISOString();
      const moved = await provisionsRepo.update(tx, id, from, {
        status: 'closed',
        closed_reason: input.reason,
        closed_at: now,
        updated_at: now,
      });
      if (!moved) throw new AppError('provision.provision_not_editable');
      await core.audit(tx, ctx, l.row, 'closed', { from: l.row.status });
    });
    return get(ctx, id);
  }

  async function get(ctx: Ctx, id: string): Promise<ProvisionView> {
    return core.present(ctx, await core.visible(ctx, id));
  }

  return { create, update, close, get };
}

export type ProvisionsService = ReturnType<typeof createProvisionsService>;
