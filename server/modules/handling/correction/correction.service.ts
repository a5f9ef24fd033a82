import {
  correctionApplyInput,
  correctionReportInput,
  type CorrectionStatus,
  type CorrectionView,
} from '../../../../shared/api/handling-correction.ts';
import type { ApprovalLevel } from '../../../../shared/api/approvals.ts';
import { parseFieldValue, type FieldValue } from '../../../../shared/vault/index.ts';
import { actorPersonId, systemCtx, type Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestRow } from '../../approvals/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { correctionsRepo, noteLabel, type CorrectionRow } from './correction.repo.ts';
import { createCorrectionReading } from './correction.reading.ts';

const personOf = (ctx: Ctx): string => {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
};

type Values = Record<string, FieldValue | null>;
const same = (a: FieldValue | null | undefined, b: FieldValue | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Correction of errors in held information (issue 7, A13: 「保護管理者の指示に従い、訂正等を行わなければ
 * ならない」). Anyone who reads a record reports an error in it (its words sealed under the record's
 * key); the report is a 'correction' request to the 保護管理者, whose approval is the instruction
 * and whose denial dismisses it; a person with the update permission then corrects the record
 * through the vault (an important file's change waits for its A26 check), and the values before and
 * after are kept sealed under the record's key. The reporter is told at each step.
 */
export function createCorrectionsService(h: HandlingContext) {
  const { database, ledger, clock, approvals, notifications, vault } = h;
  const { gate } = vault.internals;
  const notes = vault.notes;
  const now = () => clock.now().toISOString();
  const reading = createCorrectionReading(h);

  async function audit(
    tx: Tx,
    ctx: Ctx,
    c: Pick<CorrectionRow, 'id' | 'file_id' | 'record_id'>,
    req: Pick<RequestRow, 'id' | 'number' | 'unit_id' | 'section_id'>,
    type: string,
    data: Record<string, unknown>,
  ) {
    await ledger.audit(tx, ctx, {
      type,
      subjectType: 'HandlingCorrection',
      subjectId: c.id,
      unitId: req.unit_id,
      sectionId: req.section_id,
      // Ids, field keys and codes only: the report and the values stay sealed (A22, issue 7).
      data: { fileId: c.file_id, recordId: c.record_id, requestId: req.id, number: req.number, ...data },
    });
  }

  /** A13: the 保護管理者's decision moves the correction on (in the decision's transaction). */
  approvals.defineKind('correction', {
    useDays: 30,
    async onApproved(tx, _ctx, req) {
      const id = String((JSON.parse(req.payload) as { correctionId?: string }).correctionId ?? '');
      if (await correctionsRepo.transition(tx, id, ['reported'], { status: 'instructed' }))
        await notifications.notify(tx, [req.requested_by], 'correction.instructed', { requestId: req.id });
    },
    async onClosed(tx, _ctx, req) {
      const id = String((JSON.parse(req.payload) as { correctionId?: string }).correctionId ?? '');
      const status =
        req.status === 'denied' ? 'dismissed' : req.status === 'withdrawn' ? 'withdrawn' : 'expired';
      const moved = await correctionsRepo.transition(tx, id, ['reported', 'instructed'], { status });
      if (moved && status === 'dismissed')
        await notifications.notify(tx, [req.requested_by], 'correction.dismissed', { requestId: req.id });
    },
  });

  /** Who will decide a request at this level (the engine's own routing, read before its transaction). */
  async function decidersFor(level: ApprovalLevel, unitId: string, sectionId: string, requester: string) {
    const base = { unit_id: unitId, section_id: sectionId, requested_by: requester };
    const first = await approvals.deciders({ ...base, level });
    if (first.length > 0 || level !== 'protection_manager') return first;
    return approvals.deciders({ ...base, level: 'chief_protection_manager' });
  }

  /**
   * Reports an error in a record (A13): the reporter reads the record (grant with read, a purpose
   * of the file, the record in their scope) and names fields within their grant. The description is
   * sealed under the record's key; the request goes to the 保護管理者, who is told.
   */
  async function report(ctx: Ctx, raw: unknown): Promise<CorrectionView> {
    const reporter = personOf(ctx);
    const input = correctionReportInput.parse(raw);
    const access = await gate.open(ctx, input.fileId, input.purpose, 'read');
    const record = await notes.facts(input.fileId, input.recordId);
    if (!access.inScope(record)) throw new AppError('vault.record_not_found');
    if (record.status === 'erased') throw new AppError('vault.record_erased');
    const keys = [...new Set(input.fields)];
    const granted = new Map(access.fields.map((f) => [f.key, f]));
    if (keys.some((k) => !granted.has(k))) throw new AppError('handling.correction_fields_invalid');
    if (!input.description) throw new AppError('handling.correction_description_required');

    const facts = await h.rules.factsOr404(input.fileId);
    const required = await h.rules.requirement(input.fileId, 'correction');
    // A13: a correction is always made on the 保護管理者's instruction (the rules' minimum).
    const level: ApprovalLevel = required === 'none' ? 'protection_manager' : required;
    const told = await decidersFor(level, facts.unitId, facts.sectionId, reporter);
    const id = newId();
    const sealed = await notes.seal(input.fileId, input.recordId, noteLabel(id, 'report'), {
      description: input.description,
    });
    const labels = keys.map((k) => granted.get(k)!.label);
    await approvals.submit(
      ctx,
      {
        kind: 'correction',
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        fileId: input.fileId,
        recordIds: [input.recordId],
        // The field labels are the file's schema (organisational words), never the record's values.
        reason: `記録の誤りの報告（項目: ${labels.join('、')}）`,
        payload: { correctionId: id, fields: keys },
        level,
      },
      async (tx, req) => {
        const row: CorrectionRow = {
          id,
          file_id: input.fileId,
          record_id: input.recordId,
          fields: JSON.stringify(keys),
          sealed_report: sealed,
          status: 'reported',
          reported_by: reporter,
          reported_at: now(),
          request_id: req.id,
          sealed_before: null,
          sealed_after: null,
          corrected_by: null,
          corrected_at: null,
        };
        await correctionsRepo.insert(tx, row);
        await audit(tx, ctx, row, req, 'handling.correction_reported', {
          fields: keys,
          purposeCode: access.purpose.code,
        });
        await notifications.notify(tx, told, 'correction.reported', { requestId: req.id });
      },
    );
    return reading.get(ctx, id);
  }

  /**
   * Corrects the record as instructed (A13): by a person with the update permission on the file
   * (an approval never widens a grant, ADR 0008 §6), naming the approved request, only the fields
   * reported. The new values go through the vault's own update (its gate, checks and log); an
   * important file's change waits for its second-person check (A26) and the correction shows as
   * 'checking' until then. The values before and after are sealed under the record's key.
   */
  async function apply(ctx: Ctx, id: string, raw: unknown): Promise<CorrectionView> {
    const person = personOf(ctx);
    const input = correctionApplyInput.parse(raw);
    const c = await reading.visibleOr404(ctx, id);
    if (c.request_id !== input.requestId) throw new AppError('approval.mismatch');
    const req = await approvals.row(input.requestId);
    if (!req) throw new AppError('approval.not_found');
    // Issue 12 (法93): an approved 訂正決定 on an individual's request instructs its corrections too.
    const byIndividual = req.kind === 'remedy_decision';
    if (!byIndividual && (req.kind !== 'correction' || req.file_id !== c.file_id))
      throw new AppError('approval.mismatch');
    // A13: no correction without the 保護管理者's instruction.
    if (c.status === 'reported') throw new AppError('approval.required');
    if (c.status !== 'instructed') throw new AppError('handling.correction_not_instructed');
    // A change rejected at its A26 check leaves the instruction standing (the request already used).
    const again = req.status === 'done';
    if (!again && (req.status !== 'approved' || req.expires_at <= now()))
      throw new AppError('approval.not_approved');

    const access = await gate.open(ctx, c.file_id, input.purpose, 'update');
    const reported = JSON.parse(c.fields) as string[];
    const keys = Object.keys(input.values);
    if (keys.length === 0 || keys.some((k) => !reported.includes(k)))
      throw new AppError('handling.correction_fields_mismatch');
    const record = await notes.facts(c.file_id, c.record_id);
    if (!access.inScope(record)) throw new AppError('vault.record_not_found');
    const current = await notes.values(ctx, c.file_id, c.record_id);
    if (!current) throw new AppError('vault.record_damaged');
    const after: Values = {};
    const invalid: { path: string; code: string }[] = [];
    for (const k of keys) {
      const def = access.file.byKey.get(k);
      if (!def) throw new AppError('vault.field_unknown');
      const parsed = parseFieldValue(def, input.values[k]);
      if (parsed.ok) after[k] = parsed.value;
      else invalid.push({ path: k, code: parsed.code });
    }
    if (invalid.length) throw new AppError('vault.invalid_values', { details: invalid });
    const changed = keys.filter((k) => !same(current[k], after[k]));
    if (changed.length === 0) throw new AppError('handling.correction_no_change');
    const before: Values = Object.fromEntries(changed.map((k) => [k, current[k] ?? null]));
    const afterChanged: Values = Object.fromEntries(changed.map((k) => [k, after[k] ?? null]));

    const sealedBefore = await notes.seal(c.file_id, c.record_id, noteLabel(id, 'before'), before);
    const sealedAfter = await notes.seal(c.file_id, c.record_id, noteLabel(id, 'after'), afterChanged);
    const startedAt = now();
    // The vault's own update: its gate, checks, log; refused if the record changed meanwhile.
    // In the update's own transaction: the change and the correction's record land together (A13).
    let status: 'checking' | 'corrected' = 'corrected';
    await vault.records.update(
      ctx,
      c.file_id,
      c.record_id,
      { purpose: input.purpose, values: afterChanged, revision: record.revision },
      async (tx, { pending }) => {
        status = pending ? 'checking' : 'corrected';
        const moved = await correctionsRepo.transition(tx, id, ['instructed'], {
          status,
          sealed_before: sealedBefore,
          sealed_after: sealedAfter,
          corrected_by: person,
          corrected_at: startedAt,
        });
        if (!moved) throw new AppError('handling.correction_not_instructed');
        if (!again) await approvals.complete(tx, ctx, req, { correctionId: id, fields: changed });
        await audit(tx, ctx, c, req, 'handling.corrected', {
          fields: changed,
          awaitingCheck: status === 'checking',
          purposeCode: access.purpose.code,
        });
        if (status === 'corrected')
          await notifications.notify(tx, [c.reported_by], 'correction.corrected', { requestId: req.id });
      },
    );
    notifications.flushSoon();
    return reading.get(ctx, id);
  }

  /**
   * A26: settles corrections waiting for their check — verified: corrected, the reporter told;
   * rejected: back to instructed (the instruction stands; the before and after are dropped).
   */
  async function settle(ctx: Ctx = systemCtx('corrections-settle')): Promise<number> {
    let settled = 0;
    for (const c of await correctionsRepo.checking(database.db)) {
      if (!c.corrected_at || !c.corrected_by || !c.request_id) continue;
      const state = await notes.changeSince(c.file_id, c.record_id, c.corrected_at, c.corrected_by);
      if (state === 'pending' || state === null) continue;
      const req = await approvals.row(c.request_id);
      if (!req) continue;
      await database.transaction(async (tx) => {
        const verified = state === 'verified';
        const moved = await correctionsRepo.transition(
          tx,
          c.id,
          ['checking'],
          verified
            ? { status: 'corrected' }
            : {
                status: 'instructed',
                sealed_before: null,
                sealed_after: null,
                corrected_by: null,
                corrected_at: null,
              },
        );
        if (!moved) return;
        await audit(
          tx,
          ctx,
          c,
          req,
          verified ? 'handling.correction_checked' : 'handling.correction_check_rejected',
          {
            fields: JSON.parse(c.fields) as string[],
          },
        );
        if (verified)
          await notifications.notify(tx, [c.reported_by], 'correction.corrected', { requestId: req.id });
        settled++;
      });
    }
    if (settled) notifications.flushSoon();
    return settled;
  }

  reading.beforeRead(async () => void (await settle()));

  /**
   * Issue 12 (法90–93, A13): before the decision's transaction, seals under the record's key the
   * report of a correction an individual asked for — 「本人からの訂正請求（R2026-0005）による」: the
   * request's number, never the values (those stay sealed with the request).
   */
  async function prepareForRequest(fileId: string, recordId: string, requestNumber: string) {
    const correctionId = newId();
    const sealedReport = await notes.seal(fileId, recordId, noteLabel(correctionId, 'report'), {
      description: `本人からの訂正請求（${requestNumber}）による`,
    });
    return { correctionId, sealedReport };
  }

  /**
   * Issue 12 (法93, A13): in the transaction of the approved 訂正決定 (only `tx` is used), a
   * correction born 'instructed' — the 総括保護管理者's approval is the instruction. Staff with the
   * update grant apply it on /handling/corrections, the before and after sealed as for any other.
   */
  async function instructForRequest(
    tx: Tx,
    ctx: Ctx,
    input: {
      correctionId: string;
      sealedReport: string;
      fileId: string;
      recordId: string;
      fields: string[];
      approval: RequestRow;
      subjectRequestId: string;
      requestNumber: string;
    },
  ) {
    const row: CorrectionRow = {
      id: input.correctionId,
      file_id: input.fileId,
      record_id: input.recordId,
      fields: JSON.stringify([...new Set(input.fields)]),
      sealed_report: input.sealedReport,
      status: 'instructed',
      reported_by: input.approval.requested_by,
      reported_at: now(),
      request_id: input.approval.id,
      sealed_before: null,
      sealed_after: null,
      corrected_by: null,
      corrected_at: null,
    };
    await correctionsRepo.insert(tx, row);
    await audit(tx, ctx, row, input.approval, 'handling.correction_instructed', {
      fields: JSON.parse(row.fields) as string[],
      subjectRequestId: input.subjectRequestId,
      subjectRequestNumber: input.requestNumber,
    });
  }

  /** The states of corrections (issue 12: the request follows its corrections); settled first (A26). */
  async function states(ids: string[]): Promise<Map<string, CorrectionStatus>> {
    if (ids.length === 0) return new Map();
    await settle();
    const out = new Map<string, CorrectionStatus>();
    for (const id of ids) {
      const c = await correctionsRepo.get(database.db, id);
      if (c) out.set(id, c.status as CorrectionStatus);
    }
    return out;
  }

  return {
    report,
    apply,
    settle,
    prepareForRequest,
    instructForRequest,
    states,
    get: reading.get,
    list: reading.list,
    readReport: reading.readReport,
    readChange: reading.readChange,
    jobs: [
      { name: 'corrections-settle', pattern: '*/5 * * * *', run: async () => void (await settle()) },
    ] as Job[],
  };
}

export type CorrectionsService = ReturnType<typeof createCorrectionsService>;
