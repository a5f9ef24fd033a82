import type { ApprovalView } from '../../../../shared/api/approvals.ts';
import {
  GROUND_MODES,
  MY_NUMBER_USE_MODES,
  outOfPurposeDoneInput,
  outOfPurposeInput,
  outOfPurposeListQuery,
  type MyNumberUse,
  type OutOfPurposeGround,
  type OutOfPurposeMode,
  type OutOfPurposeView,
} from '../../../../shared/api/handling-purpose.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { VaultFacts } from '../../register/register.service.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createRestrictions } from './restriction.service.ts';

const KIND = 'out_of_purpose';

interface Payload {
  ground: OutOfPurposeGround;
  mode: OutOfPurposeMode;
  recipient: string;
  harmStatement: string;
  otherLawsChecked: boolean;
  myNumberUse: MyNumberUse | null;
  myNumberFile: boolean;
}

const personOf = (ctx: Ctx): string => {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
};

/**
 * Use or provision outside the purpose (issue 7): A17-1 forbids it save by law; A17-2 allows it on
 * one of four grounds unless someone's rights and interests would be unduly harmed; A17-3 keeps other
 * laws' restrictions; A17-4 lets the 総括保護管理者 limit internal use to named staff; A17の2 closes the
 * path for 特定個人情報 except where the My Number Act lists it. A request is decided by the
 * 総括保護管理者 (the rules' minimum); once approved the requester records what was done, which ends
 * the request and shows in the usage ledger (A16). An approval never widens a vault grant.
 */
export function createOutOfPurposeService(h: HandlingContext) {
  const { database, ledger, clock, approvals, vault } = h;
  const restrictions = createRestrictions(h);

  /** A refusal, written to the log before it is answered. */
  async function refuse(ctx: Ctx, facts: VaultFacts, code: ErrorCode): Promise<AppError> {
    await ledger.audit(database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'RegisterFile',
      subjectId: facts.fileId,
      unitId: facts.unitId,
      sectionId: facts.sectionId,
      outcome: 'denied',
      data: { action: KIND, code },
    });
    return new AppError(code);
  }

  /** The requester works with the file: a grant in force with read (ADR 0008 §6). */
  async function requireGrant(ctx: Ctx, me: string, facts: VaultFacts) {
    const grant = await vault.grants.inForce(me, facts.fileId);
    if (!grant) throw await refuse(ctx, facts, 'vault.no_grant');
    if (!grant.permissions.has('read')) throw await refuse(ctx, facts, 'vault.permission_missing');
  }

  /** A17-4: where the unit's 総括保護管理者 named staff, only they use information internally outside the purpose. */
  async function requireNamed(ctx: Ctx, me: string, facts: VaultFacts, mode: OutOfPurposeMode) {
    if (mode !== 'use') return;
    const named = await restrictions.allowed(facts.unitId);
    if (named && !named.includes(me)) throw await refuse(ctx, facts, 'handling.out_of_purpose_restricted');
  }

  /** Submits a request (A17-2..4, A17の2), checked before it reaches the 総括保護管理者. */
  async function request(ctx: Ctx, raw: unknown): Promise<OutOfPurposeView> {
    const me = personOf(ctx);
    const input = outOfPurposeInput.parse(raw);
    const facts = await h.rules.factsOr404(input.fileId);
    await requireGrant(ctx, me, facts);
    if (!GROUND_MODES[input.ground].includes(input.mode))
      throw new AppError('handling.out_of_purpose_ground_mode');
    if (input.mode === 'provide' && !input.recipient)
      throw new AppError('handling.out_of_purpose_recipient_required');
    // A17-2 ただし書: a use that would unduly harm someone is not allowed; the requester says why not.
    if (!input.harmStatement) throw new AppError('handling.out_of_purpose_harm_required');
    // A17-3: other laws restricting use or provision still apply.
    if (!input.otherLawsChecked) throw new AppError('handling.out_of_purpose_other_laws');
    // A17の2: 特定個人情報 only where the My Number Act lists it, in the way it lists it.
    if (
      facts.myNumber &&
      (!input.myNumberUse || !MY_NUMBER_USE_MODES[input.myNumberUse].includes(input.mode))
    )
      throw await refuse(ctx, facts, 'handling.my_number_out_of_purpose');
    await requireNamed(ctx, me, facts, input.mode);
    const recordIds = input.recordIds ? [...new Set(input.recordIds)] : null;
    for (const id of recordIds ?? []) {
      const r = await vault.notes.facts(input.fileId, id).catch(() => null);
      if (!r || r.status === 'erased') throw new AppError('handling.out_of_purpose_records_invalid');
    }
    const payload: Payload = {
      ground: input.ground,
      mode: input.mode,
      recipient: input.mode === 'provide' ? input.recipient : '',
      harmStatement: input.harmStatement,
      otherLawsChecked: true,
      myNumberUse: facts.myNumber ? input.myNumberUse : null,
      myNumberFile: facts.myNumber,
    };
    const req = await approvals.submit(
      ctx,
      {
        kind: KIND,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        fileId: input.fileId,
        recordIds,
        reason: input.purpose,
        payload: { ...payload },
        // A17-2, A17-4: always decided by the 総括保護管理者 (the rules' minimum, never lowered).
        level: 'chief_protection_manager',
      },
      async (tx, r) => {
        await ledger.audit(tx, ctx, {
          type: 'handling.out_of_purpose_requested',
          subjectType: 'ApprovalRequest',
          subjectId: r.id,
          unitId: facts.unitId,
          sectionId: facts.sectionId,
          data: {
            number: r.number,
            fileId: input.fileId,
            ground: input.ground,
            mode: input.mode,
            myNumberUse: payload.myNumberUse,
            records: recordIds?.length ?? null,
          },
        });
      },
    );
    return get(ctx, req.id);
  }

  function present(ctx: Ctx, a: ApprovalView): OutOfPurposeView {
    const p = a.payload as unknown as Payload;
    return {
      id: a.id,
      number: a.number,
      status: a.status,
      fileId: a.fileId!,
      fileName: a.fileName ?? '—',
      unitId: a.unitId,
      myNumberFile: Boolean(p.myNumberFile),
      recordCount: a.recordIds?.length ?? null,
      ground: p.ground,
      mode: p.mode,
      recipient: p.recipient ?? '',
      purpose: a.reason,
      harmStatement: p.harmStatement ?? '',
      myNumberUse: p.myNumberUse ?? null,
      requestedBy: a.requestedBy,
      requestedByName: a.requestedByName,
      requestedAt: a.requestedAt,
      decidedByName: a.decidedByName,
      decisionComment: a.decisionComment,
      expiresAt: a.expiresAt,
      doneAt: a.doneAt,
      canRecordDone:
        a.requestedBy === actorPersonId(ctx) &&
        a.status === 'approved' &&
        a.expiresAt > clock.now().toISOString(),
    };
  }

  async function get(ctx: Ctx, id: string): Promise<OutOfPurposeView> {
    const a = await approvals.get(ctx, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'approval.not_found')
        throw new AppError('handling.out_of_purpose_not_found');
      throw e;
    });
    if (a.kind !== KIND || !a.fileId) throw new AppError('handling.out_of_purpose_not_found');
    return present(ctx, a);
  }

  /** Mine, or those the caller oversees (the approval engine's visibility). */
  async function list(ctx: Ctx, raw: unknown): Promise<{ requests: OutOfPurposeView[] }> {
    const q = outOfPurposeListQuery.parse(raw ?? {});
    const box = q.box === 'mine' ? 'mine' : 'all';
    const { requests } = await approvals.list(ctx, { box, kind: KIND, fileId: q.fileId, limit: 200 });
    return { requests: requests.filter((a) => a.fileId).map((a) => present(ctx, a)) };
  }

  /**
   * Records the use or provision done under an approved request (A16: it shows in the usage
   * ledger): how many records, and for provision to whom. The grant and A17-4's list are checked
   * again, as either may have changed since the approval.
   */
  async function done(ctx: Ctx, id: string, raw: unknown): Promise<OutOfPurposeView> {
    const me = personOf(ctx);
    const input = outOfPurposeDoneInput.parse(raw);
    // Unseen requests are not found; seen by someone else (a manager): only the requester records.
    const seen = await get(ctx, id);
    if (seen.requestedBy !== me) {
      const facts = await h.rules.factsOr404(seen.fileId);
      await ledger.audit(database.db, ctx, {
        type: 'authz.denied',
        subjectType: 'ApprovalRequest',
        subjectId: id,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        outcome: 'denied',
        data: { action: 'out_of_purpose_done', code: 'approval.not_requester' },
      });
      throw new AppError('auth.forbidden');
    }
    if (['submitted', 'sent_back'].includes(seen.status)) throw new AppError('approval.required');
    const req = await approvals.requireApproved(ctx, id, { kind: KIND });
    const facts = await h.rules.factsOr404(req.file_id!);
    const p = JSON.parse(req.payload) as Payload;
    await requireGrant(ctx, me, facts);
    await requireNamed(ctx, me, facts, p.mode);
    const recipient = p.mode === 'provide' ? input.recipient || p.recipient : null;
    await database.transaction(async (tx) => {
      const data = {
        fileId: req.file_id,
        ground: p.ground,
        mode: p.mode,
        myNumberUse: p.myNumberUse,
        records: input.records,
        doneOn: input.doneOn,
      };
      await approvals.complete(tx, ctx, req, data);
      await ledger.audit(tx, ctx, {
        type: 'handling.out_of_purpose_done',
        subjectType: 'ApprovalRequest',
        subjectId: req.id,
        unitId: req.unit_id,
        sectionId: req.section_id,
        // The recipient is a body and office (or 本人), never a private person's name.
        data: { number: req.number, ...data, recipient },
      });
    });
    return get(ctx, id);
  }

  return {
    request,
    get,
    list,
    done,
    restriction: { view: restrictions.view, update: restrictions.update },
  };
}

export type OutOfPurposeService = ReturnType<typeof createOutOfPurposeService>;
