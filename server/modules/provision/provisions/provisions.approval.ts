import { isPublicBodyKind, type PartyKind } from '../../../../shared/api/provision-parties.ts';
import {
  submitInput,
  type ProvisionGround,
  type ProvisionStatus,
  type ProvisionView,
} from '../../../../shared/api/provision-provisions.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { VaultFacts } from '../../register/register.service.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { EDITABLE, measuresOf, subjectOf, type ProvisionsCore } from './provisions.core.ts';
import { provisionsRepo, type ProvisionRow } from './provisions.repo.ts';
import { agreementRequired, checkGround, isOutOfPurpose, measuresRequired } from './provisions.rules.ts';

const KIND = 'provision';

/**
 * Approval of provisions (A17-2, A18) through the engine (kind `provision`): a draft is submitted
 * once what A17 and A18 ask holds — the 保護管理者 level, the 総括保護管理者 for A17-2's grounds; the
 * decision activates it (only an approved provision is active) or returns it to the keeper.
 */
export function createProvisionsApproval(h: ProvisionDeps, core: ProvisionsCore) {
  const { clock, approvals } = h;
  const get = async (ctx: Ctx, id: string): Promise<ProvisionView> =>
    core.present(ctx, await core.visible(ctx, id));

  /**
   * What must hold before approval and at it: the ground's rules against the current recipient and
   * files; A18-1's written agreement with its document; A18-2/3's measures with the recipient's
   * confirmation. Throws the first broken rule's code (409 for the agreement and measures).
   */
  async function ready(ctx: Ctx, row: ProvisionRow, fileIds: string[]) {
    const party = await core.partyOr400(row.party_id);
    const files: VaultFacts[] = [];
    for (const f of fileIds) {
      const facts = await h.fileFacts(f);
      if (!facts) throw new AppError('provision.provision_file_invalid');
      files.push(facts);
    }
    try {
      checkGround(
        {
          ground: row.ground as ProvisionGround,
          lawName: row.law_name,
          harmStatement: row.harm_statement,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          measuresDeemedNecessary: row.measures_deemed_necessary === 1,
          measuresReason: row.measures_reason,
        },
        party,
        files,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'provision.my_number_out_of_purpose')
        throw await core.refuse(ctx, subjectOf(row), e.code);
      throw e;
    }
    const ground = row.ground as ProvisionGround;
    // A18-1: outside public bodies, grounds (3)/(4) and law need the written agreement and its document.
    if (agreementRequired(ground, party) && (!row.agreement || !row.agreement_document_key))
      throw await core.refuse(ctx, subjectOf(row), 'provision.agreement_required');
    // A18-2, A18-3: the measures asked of the recipient, and its confirmation.
    const m = measuresOf(row);
    if (
      measuresRequired(ground, party, row.measures_deemed_necessary === 1) &&
      (m.measures.length === 0 || !m.confirmedOn)
    )
      throw await core.refuse(ctx, subjectOf(row), 'provision.measures_required');
  }

  /** Submits a draft to the approval engine (kind `provision`); it is pending until decided. */
  async function submit(ctx: Ctx, id: string, raw: unknown): Promise<ProvisionView> {
    const l = await core.kept(ctx, id);
    const input = submitInput.parse(raw ?? {});
    if (!EDITABLE.includes(l.row.status as ProvisionStatus))
      throw new AppError('provision.provision_not_editable');
    const fileIds = l.files.map((f) => f.file_id);
    await ready(ctx, l.row, fileIds);
    const ground = l.row.ground as ProvisionGround;
    await approvals.submit(
      ctx,
      {
        kind: KIND,
        unitId: l.row.unit_id,
        sectionId: l.row.section_id,
        fileId: fileIds[0] ?? null,
        reason: input.reason || l.row.recipient_purpose,
        payload: { provisionId: id, number: l.row.number, ground, partyId: l.row.party_id, fileIds },
        // A17-2: provision outside the purpose is decided by the 総括保護管理者; else the 保護管理者 level.
        level: isOutOfPurpose(ground) ? 'chief_protection_manager' : 'protection_manager',
      },
      async (tx, req) => {
        const moved = await provisionsRepo.update(tx, id, EDITABLE, {
          status: 'pending',
          approval_id: req.id,
          updated_at: clock.now().toISOString(),
        });
        if (!moved) throw new AppError('provision.provision_not_editable');
        await core.audit(tx, ctx, l.row, 'submitted', {
          approvalId: req.id,
          approvalNumber: req.number,
          level: req.level,
        });
      },
    );
    return get(ctx, id);
  }

  /** The engine's decision moves the provision (in the decision's transaction). */
  approvals.defineKind(KIND, {
    async onApproved(tx, ctx, req) {
      const row = await provisionsRepo.byApproval(tx, req.id);
      if (!row || row.status !== 'pending') return;
      // Nothing becomes active that lacks A18-1's agreement, should the recipient have changed kind
      // meanwhile (read in the decision's transaction: SQLite has one connection). The terms
      // themselves cannot change while pending.
      const recipient = await tx
        .selectFrom('provision_parties')
        .select(['kind', 'active'])
        .where('id', '=', row.party_id)
        .executeTakeFirst();
      if (!recipient || recipient.active !== 1) throw new AppError('provision.provision_party_invalid');
      const isPublicBody = isPublicBodyKind(recipient.kind as PartyKind);
      if (
        agreementRequired(row.ground as ProvisionGround, { isPublicBody }) &&
        (!row.agreement || !row.agreement_document_key)
      )
        throw new AppError('provision.agreement_required');
      await provisionsRepo.update(tx, row.id, ['pending'], {
        status: 'active',
        updated_at: clock.now().toISOString(),
      });
      await core.audit(tx, ctx, row, 'activated', { approvalId: req.id });
      // The approval is used by the activation: it no longer expires.
      await approvals.complete(tx, ctx, req, { provisionId: row.id });
    },
    async onClosed(tx, ctx, req) {
      const row = await provisionsRepo.byApproval(tx, req.id);
      if (!row) return;
      if (
        await provisionsRepo.update(tx, row.id, ['pending'], {
          status: 'rejected',
          updated_at: clock.now().toISOString(),
        })
      )
        await core.audit(tx, ctx, row, 'returned', { approvalId: req.id, approvalStatus: req.status });
    },
  });

  return { submit };
}
