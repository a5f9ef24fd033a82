import { intakeInput, type RequestView } from '../../../../shared/api/requests.ts';
import type { Ctx } from '../../../platform/context.ts';
import { nextNumber } from '../../../platform/db/numbers.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fiscalYear } from '../../approvals/index.ts';
import { remedyUntil } from './periods.ts';
import type { RequestsBase } from './requests.core.ts';
import { computeDue } from './requests.periods.ts';
import { SUBJECT } from './requests.policy.ts';
import type { RequestsReading } from './requests.reading.ts';
import { requestsRepo, type RequestRow } from './requests.repo.ts';

type Intake = ReturnType<typeof intakeInput.parse>;

/**
 * Intake of a written request (法77-1) at a receiving office: the identity check (法77-2: only the
 * kind of document, never its number), the fee (法89: disclosure only), the requester's particulars
 * and what they ask sealed at rest, the number R<年度>-0001, the due date, the handlers told.
 */
export function createRequestsIntake(base: RequestsBase, reading: RequestsReading) {
  const { deps, db } = base;
  const { config, database } = deps;

  /** The receiving office: a section the caller handles (法77-1: the office the register names). */
  async function officeOf(ctx: Ctx, sectionId: string) {
    const section = (await deps.structure()).sections.find((s) => s.id === sectionId);
    if (!section) throw new AppError('requests.office_invalid');
    // 403 auth.forbidden (audited) when the caller does not handle requests at this office.
    await deps.authz.assertCan(ctx, 'handle', SUBJECT, { unitId: section.unitId, sectionId: section.id });
    return section;
  }

  /**
   * 法90-3, 法98-3: a correction or suspension follows a disclosure of the same unit that was carried
   * out, within remedyWindowDays (90) of the day it was.
   */
  async function parentOf(input: Intake, unitId: string): Promise<RequestRow | null> {
    if (input.kind === 'disclosure') {
      if (input.parentId) throw new AppError('requests.parent_not_allowed');
      return null;
    }
    if (!input.parentId) throw new AppError('requests.parent_required');
    const parent = await requestsRepo.get(db, input.parentId);
    if (
      !parent ||
      parent.kind !== 'disclosure' ||
      parent.unit_id !== unitId ||
      !['carried_out', 'closed'].includes(parent.status) ||
      !parent.carried_out_on
    )
      throw new AppError('requests.parent_invalid');
    const until = remedyUntil(parent.carried_out_on, config.remedyWindowDays, config);
    if (input.receivedOn > until) throw new AppError('requests.remedy_window_passed', { params: { until } });
    return parent;
  }

  async function create(ctx: Ctx, raw: unknown): Promise<RequestView> {
    const me = base.personOf(ctx);
    const input = intakeInput.parse(raw);
    const section = await officeOf(ctx, input.sectionId);
    const today = base.today();
    if (input.receivedOn > today) throw new AppError('requests.received_in_future');
    if (input.feePaidOn && input.feePaidOn > today) throw new AppError('requests.date_in_future');
    const parent = await parentOf(input, section.unitId);
    const disclosure = input.kind === 'disclosure';
    // 法89-1: a fee for disclosure only; correction and suspension cost nothing.
    if (disclosure && input.feeMethod === 'none') throw new AppError('requests.fee_method_invalid');
    if (input.fileIds.length) {
      const known = new Set((await deps.registerFiles()).map((f) => f.id));
      if (input.fileIds.some((f) => !known.has(f))) throw new AppError('requests.file_invalid');
    }
    const handlers = (await base.handlersOf({ unit_id: section.unitId, section_id: section.id })).filter(
      (p) => p !== me,
    );
    const id = newId();
    const at = base.now();
    const facts = {
      kind: input.kind,
      status: 'received',
      received_on: input.receivedOn,
      base_days: disclosure ? config.disclosureDays : config.remedyDays,
      extended_days: null,
      large: 0,
      large_rest_due_on: null,
      notice_sent_on: null,
      carried_out_on: null,
    };
    await database.transaction(async (tx) => {
      const number = await nextNumber(tx, database.dialect, {
        table: 'subject_requests',
        prefix: `R${fiscalYear(today)}-`,
        width: 4,
      });
      const row: RequestRow = {
        id,
        number,
        ...facts,
        parent_id: parent?.id ?? null,
        unit_id: section.unitId,
        section_id: section.id,
        channel: input.channel,
        requester_kind: input.requesterKind,
        sealed_requester: base.seal(input.requester),
        sealed_content: base.seal({ text: input.content }),
        file_ids: JSON.stringify([...new Set(input.fileIds)]),
        identity_method: input.identityMethod,
        identity_checked_by: me,
        identity_checked_at: at,
        fee_yen: disclosure ? config.feeYen : 0,
        fee_method: disclosure ? input.feeMethod : 'none',
        fee_paid_on: disclosure && input.feeMethod !== 'exempt' ? input.feePaidOn : null,
        preferred_method: disclosure ? input.preferredMethod : null,
        due_on: computeDue(config, facts, []).dueOn,
        extension_reason: null,
        extension_notified_on: null,
        large_reason: null,
        large_notified_on: null,
        approval_id: null,
        decision: null,
        decided_on: null,
        method_chosen: null,
        method_chosen_on: null,
        closed_on: null,
        withdrawn_reason: null,
        created_by: me,
        created_at: at,
        updated_at: at,
      };
      await requestsRepo.insert(tx, row);
      // A22: ids, the number and codes only — never the requester's particulars.
      await base.audit(tx, ctx, row, 'requests.received', {
        parentId: row.parent_id,
        channel: row.channel,
        requesterKind: row.requester_kind,
        identityMethod: row.identity_method,
        feeMethod: row.fee_method,
        feeYen: row.fee_yen,
        receivedOn: row.received_on,
        dueOn: row.due_on,
        fileIds: JSON.parse(row.file_ids) as string[],
      });
      await deps.notifications.notify(tx, handlers, 'request.received', {
        data: { number, path: `/requests/${id}` },
      });
    });
    deps.notifications.flushSoon();
    return reading.view(ctx, id);
  }

  return { create };
}
