import { createHash } from 'node:crypto';
import type { ApprovalLevel, ApprovalView } from '../../../../shared/api/approvals.ts';
import {
  DISPOSAL_KINDS,
  disposalExecuteInput,
  disposalListQuery,
  disposalRequestInput,
  type DisposalFileFacts,
  type DisposalView,
} from '../../../../shared/api/handling-disposal.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { fiscalYear, type RequestRow } from '../../approvals/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { stricter, type Requirement } from '../rules/acts.ts';
import { certificatePdf, type CertificateFacts } from './certificate.ts';
import { disposalRepo, type DisposalRow } from './disposal.repo.ts';
import { holdOf } from './retention.ts';
import { nextNumber as drawNumber } from '../../../platform/db/numbers.ts';

/** What a disposal request carries in its payload (ids, dates, codes, organisational text). */
interface Payload {
  purpose?: string;
  mediumId?: string;
  method: string;
  witnessId: string;
  plannedOn: string;
  retentionException: { reason: string } | null;
  held?: number;
  records?: number;
}

const KIND_OF: Record<string, DisposalRow['kind']> = {
  dispose_records: 'records',
  dispose_file: 'file',
  dispose_medium: 'medium',
};

const personOf = (ctx: Ctx): string => {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
};

/**
 * Disposal (issue 7, A15; ADR 0008 §7). Records and whole files are disposed by cryptographic
 * erasure (the vault's eraser destroys their data keys), media by a physical or overwriting method;
 * always on the 保護管理者's instruction (A15 「保護管理者の指示に従い」) given as an approved request —
 * a file's by the 総括保護管理者 — never widening the vault grant (the 'dispose' permission, A11-1),
 * always with a witness other than the one who disposes, and certified (廃棄証明書). A record within
 * the retention period of its 法人文書 is held unless the approval is an exception, which only the
 * 総括保護管理者 decides.
 */
export function createDisposalService(h: HandlingContext) {
  const { database, ledger, clock, approvals, notifications, authz, vault } = h;
  const db = database.db;
  const gate = vault.internals.gate;

  async function witnessOk(witnessId: string, executor: string) {
    if (witnessId === executor) throw new AppError('handling.disposal_witness_invalid');
    const person = await h.person(witnessId);
    if (!person?.active) throw new AppError('handling.disposal_witness_invalid');
  }

  /** The records a request or an act concerns, checked against the grant's scope (A11-2). */
  async function recordsFor(
    ex: Executor,
    access: Awaited<ReturnType<typeof gate.open>>,
    fileId: string,
    ids: string[] | null,
  ) {
    if (ids === null && (access.scope.unitIds || access.scope.tags))
      throw new AppError('handling.disposal_scope');
    const rows = await vault.erase.erasable(ex, fileId, ids);
    if (ids !== null && (rows.length !== new Set(ids).size || rows.some((r) => !access.inScope(r))))
      throw new AppError('handling.disposal_records_not_found');
    if (rows.length === 0) throw new AppError('handling.disposal_nothing');
    return rows;
  }

  /** What the request form shows of a file: records left, how many are held and until when. */
  async function fileFacts(ctx: Ctx, fileId: string): Promise<DisposalFileFacts> {
    const me = personOf(ctx);
    const facts = await h.rules.factsOr404(fileId);
    const grant = await vault.grants.inForce(me, fileId);
    const subject = { unitId: facts.unitId, sectionId: facts.sectionId };
    // Those who may ask (a grant with 'dispose', A11-1) and those who oversee disposals (A5, A6, A8);
    // anyone else is refused and the refusal logged.
    if (!grant?.permissions.has('dispose')) await authz.assertCan(ctx, 'read', 'HandlingDisposal', subject);
    const rows = await vault.erase.erasable(db, fileId, null);
    const hold = holdOf(rows, facts.retentionYears, clock.today());
    const names = await h.names();
    return {
      fileId,
      fileName: facts.name,
      unitId: facts.unitId,
      sectionId: facts.sectionId,
      sectionName: names.sections.get(facts.sectionId) ?? '',
      retentionYears: facts.retentionYears,
      retentionBasis: facts.retentionBasis,
      levels: {
        dispose_records: await h.rules.requirement(fileId, 'dispose_records'),
        dispose_file: await h.rules.requirement(fileId, 'dispose_file'),
      },
      records: rows.length,
      held: hold.held,
      heldUntil: hold.heldUntil,
    };
  }

  /** A medium of the handling register (A14) that the caller's section keeps, still in store. */
  async function mediumFor(ctx: Ctx, mediumId: string) {
    const medium = await disposalRepo.medium(db, mediumId);
    if (!medium) throw new AppError('handling.disposal_medium_not_found');
    const actor = ctx.actor.kind === 'person' ? ctx.actor : null;
    const ours =
      actor !== null &&
      (actor.sectionId === medium.section_id ||
        actor.roles.some(
          (r) =>
            (r.role === 'protection_manager' && r.sectionId === medium.section_id) ||
            (r.role === 'chief_protection_manager' && r.unitId === medium.unit_id),
        ));
    if (!ours) throw new AppError('handling.disposal_medium_forbidden');
    if (medium.status !== 'stored') throw new AppError('handling.disposal_medium_state');
    return medium;
  }

  /** Requests a disposal (A15): routed to the 保護管理者, or the 総括保護管理者 where the rules say so. */
  async function request(ctx: Ctx, raw: unknown): Promise<ApprovalView> {
    const input = disposalRequestInput.parse(raw);
    const me = personOf(ctx);
    await witnessOk(input.witnessId, me);
    const base = { method: input.method, witnessId: input.witnessId, plannedOn: input.plannedOn };
    if (input.kind === 'dispose_medium') {
      const medium = await mediumFor(ctx, input.mediumId);
      const files = JSON.parse(medium.file_ids) as string[];
      let level: Requirement = 'protection_manager';
      for (const f of files)
        if (await h.fileFacts(f)) level = stricter(level, await h.rules.requirement(f, 'dispose_medium'));
      const req = await approvals.submit(ctx, {
        kind: input.kind,
        unitId: medium.unit_id,
        sectionId: medium.section_id,
        fileId: files[0] ?? null,
        reason: input.reason,
        payload: { ...base, mediumId: medium.id, retentionException: null } satisfies Payload,
        level: level as ApprovalLevel,
      });
      return approvals.get(ctx, req.id);
    }
    const facts = await h.rules.factsOr404(input.fileId);
    const access = await gate.open(ctx, input.fileId, input.purpose, 'dispose');
    const ids = input.kind === 'dispose_records' ? input.recordIds : null;
    const rows = await recordsFor(db, access, input.fileId, ids);
    const hold = holdOf(rows, facts.retentionYears, clock.today());
    if (hold.held > 0 && !input.retentionException) throw new AppError('handling.retention_hold');
    let level = await h.rules.requirement(input.fileId, input.kind);
    if (level === 'none') level = 'protection_manager';
    // A15 with the 法人文書's retention: an exception is the 総括保護管理者's to decide (A5).
    if (input.retentionException) level = 'chief_protection_manager';
    const req = await approvals.submit(ctx, {
      kind: input.kind,
      unitId: facts.unitId,
      sectionId: facts.sectionId,
      fileId: input.fileId,
      recordIds: ids ? [...new Set(ids)] : null,
      reason: input.reason,
      payload: {
        ...base,
        purpose: input.purpose,
        retentionException: input.retentionException,
        held: hold.held,
        records: rows.length,
      } satisfies Payload,
      level,
    });
    return approvals.get(ctx, req.id);
  }

  async function nextNumber(tx: Executor): Promise<string> {
    const prefix = `D${fiscalYear(clock.today())}-`;
    return drawNumber(tx, database.dialect, { table: 'handling_disposals', prefix, width: 6 });
  }

  /** The facts of the certificate, from the rows (names as they are now). */
  async function factsOf(row: DisposalRow, req: RequestRow): Promise<CertificateFacts> {
    const payload = JSON.parse(req.payload) as Payload;
    const name = async (id: string | null) => (id ? ((await h.person(id))?.name ?? '') : null);
    const names = await h.names();
    const file = row.file_id ? await h.fileFacts(row.file_id) : null;
    const medium = row.medium_id ? await disposalRepo.medium(db, row.medium_id) : null;
    return {
      number: row.number,
      kind: row.kind,
      unitName: names.units.get(req.unit_id) ?? '',
      sectionName: names.sections.get(req.section_id) ?? '',
      fileName: file?.name ?? null,
      mediumLabel: medium?.label ?? null,
      records: row.records,
      method: row.method,
      executedAt: row.executed_at,
      requesterName: (await name(row.executed_by)) ?? '',
      approverName: await name(req.decided_by),
      actingForName: await name(req.acting_for),
      witnessName: await name(row.witness_id),
      requestNumber: req.number,
      approvedAt: req.decided_at,
      retentionException: payload.retentionException !== null && payload.retentionException !== undefined,
    };
  }

  /**
   * Carries out an approved disposal (A15) in one transaction: the erasure (or the medium marked
   * disposed), the disposal row with its certificate's SHA-256, the request done, the audit event
   * (ids, counts, method; never values), and the approver and the witness told.
   */
  async function execute(ctx: Ctx, raw: unknown): Promise<DisposalView> {
    const input = disposalExecuteInput.parse(raw);
    const me = personOf(ctx);
    if (!input.requestId) throw new AppError('approval.required');
    const req = await approvals.requireApproved(ctx, input.requestId, { kind: [...DISPOSAL_KINDS] });
    const payload = JSON.parse(req.payload) as Payload;
    await witnessOk(payload.witnessId, me);
    const kind = KIND_OF[req.kind]!;
    const facts = req.file_id ? await h.fileFacts(req.file_id) : null;
    const access = kind === 'medium' ? null : await gate.open(ctx, req.file_id!, payload.purpose, 'dispose');
    if (kind === 'medium') await mediumFor(ctx, payload.mediumId!);
    const now = clock.now().toISOString();
    // The certificate's names are read before the transaction (SQLite: one writer, no reads beside it).
    const template: DisposalRow = {
      id: newId(),
      number: '',
      request_id: req.id,
      kind,
      file_id: kind === 'medium' ? null : req.file_id,
      medium_id: payload.mediumId ?? null,
      records: 0,
      method: payload.method,
      witness_id: payload.witnessId,
      executed_by: me,
      executed_at: now,
      certificate_sha256: null,
    };
    const sheet = await factsOf(template, req);

    for (let attempt = 0; ; attempt++) {
      try {
        const row = await database.transaction(async (tx) => {
          let recordIds: string[] = [];
          let extra: Record<string, unknown> = {};
          if (access) {
            const ids = kind === 'records' ? (JSON.parse(req.record_ids ?? '[]') as string[]) : null;
            const rows = await recordsFor(tx, access, req.file_id!, ids);
            const hold = holdOf(rows, facts?.retentionYears ?? null, clock.today());
            if (hold.held > 0 && !payload.retentionException) throw new AppError('handling.retention_hold');
            const erased =
              kind === 'file'
                ? await vault.erase.file(tx, ctx, req.file_id!)
                : await vault.erase.records(tx, ctx, req.file_id!, ids!);
            recordIds = erased.recordIds;
            extra = {
              changesClosed: erased.changesClosed,
              corrections: erased.corrections,
              held: hold.held,
            };
          } else {
            const moved = await disposalRepo.disposeMedium(tx, payload.mediumId!, {
              disposed_at: now,
              disposal_method: payload.method,
              disposal_witness: payload.witnessId,
              disposal_request_id: req.id,
            });
            if (!moved) throw new AppError('handling.disposal_medium_state');
          }
          const disposal: DisposalRow = {
            ...template,
            number: await nextNumber(tx),
            records: recordIds.length,
          };
          const pdf = await certificatePdf({ ...sheet, number: disposal.number, records: disposal.records });
          disposal.certificate_sha256 = createHash('sha256').update(pdf).digest('hex');
          await disposalRepo.insert(tx, disposal);
          await approvals.complete(tx, ctx, req, { disposalId: disposal.id, number: disposal.number });
          await ledger.audit(tx, ctx, {
            type: 'handling.disposed',
            subjectType: kind === 'medium' ? 'handling_medium' : 'vault_file',
            subjectId: kind === 'medium' ? payload.mediumId! : req.file_id,
            unitId: req.unit_id,
            sectionId: req.section_id,
            data: {
              disposalId: disposal.id,
              number: disposal.number,
              requestId: req.id,
              kind,
              method: payload.method,
              records: recordIds.length,
              recordIds,
              witnessId: payload.witnessId,
              retentionException: Boolean(payload.retentionException),
              certificateSha256: disposal.certificate_sha256,
              ...extra,
            },
          });
          const told = [req.decided_by, payload.witnessId].filter((p): p is string => p !== null);
          await notifications.notify(tx, told, 'disposal.executed', {
            requestId: req.id,
            data: { number: disposal.number, records: recordIds.length },
          });
          return disposal;
        });
        notifications.flushSoon();
        return present(row, req);
      } catch (e) {
        // Two disposals at once may draw the same number on PostgreSQL: the unique key refuses one.
        if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
  }

  async function present(row: DisposalRow, req: RequestRow): Promise<DisposalView> {
    const f = await factsOf(row, req);
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      requestId: req.id,
      requestNumber: req.number,
      unitId: req.unit_id,
      sectionId: req.section_id,
      sectionName: f.sectionName,
      fileId: row.file_id,
      fileName: f.fileName,
      mediumId: row.medium_id,
      mediumLabel: f.mediumLabel,
      records: row.records,
      method: row.method,
      witnessId: row.witness_id,
      witnessName: f.witnessName,
      executedBy: row.executed_by,
      executedByName: f.requesterName,
      executedAt: row.executed_at,
      approvedByName: f.approverName,
      actingForName: f.actingForName,
      retentionException: f.retentionException,
      certificateSha256: row.certificate_sha256,
    };
  }

  /** Whether the caller sees a disposal: its managers and overseers, who did it, who witnessed it. */
  function sees(ctx: Ctx, row: DisposalRow, req: RequestRow): boolean {
    const me = actorPersonId(ctx);
    return (
      me === row.executed_by ||
      me === row.witness_id ||
      me === req.decided_by ||
      authz.can(ctx, 'read', 'HandlingDisposal', { unitId: req.unit_id, sectionId: req.section_id })
    );
  }

  async function load(ctx: Ctx, id: string) {
    personOf(ctx);
    const found = await disposalRepo.withRequest(db, id);
    if (!found || !sees(ctx, found.row, found.req)) throw new AppError('handling.disposal_not_found');
    return found;
  }

  async function list(ctx: Ctx, raw: unknown): Promise<{ disposals: DisposalView[] }> {
    personOf(ctx);
    const q = disposalListQuery.parse(raw ?? {});
    const all = await disposalRepo.list(db, { fileId: q.fileId, limit: 1000 });
    const mine = all.filter((f) => sees(ctx, f.row, f.req)).slice(0, q.limit);
    return { disposals: await Promise.all(mine.map((f) => present(f.row, f.req))) };
  }

  async function get(ctx: Ctx, id: string): Promise<DisposalView> {
    const { row, req } = await load(ctx, id);
    return present(row, req);
  }

  /**
   * The certificate drawn again from the rows (same facts, same bytes); `original` tells whether it
   * is byte for byte the one issued (a name changed since makes it differ — the SHA-256 kept at the
   * disposal still identifies the one issued).
   */
  async function certificate(ctx: Ctx, id: string) {
    const { row, req } = await load(ctx, id);
    const pdf = await certificatePdf(await factsOf(row, req));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await ledger.audit(db, ctx, {
      type: 'handling.disposal_certificate_read',
      subjectType: 'handling_disposal',
      subjectId: row.id,
      unitId: req.unit_id,
      sectionId: req.section_id,
      data: { number: row.number, original: sha256 === row.certificate_sha256 },
    });
    return {
      body: Buffer.from(pdf),
      filename: `${row.number}.pdf`,
      original: sha256 === row.certificate_sha256,
      issuedSha256: row.certificate_sha256,
    };
  }

  /** The caller's approved disposal requests, waiting to be carried out. */
  async function ready(ctx: Ctx): Promise<{ requests: ApprovalView[] }> {
    const { requests } = await approvals.list(ctx, { box: 'mine', status: 'approved', limit: 200 });
    const ours = requests.filter((r) => (DISPOSAL_KINDS as readonly string[]).includes(r.kind));
    // The witness by name, for the executor to confirm who is present (not stored in the request).
    return {
      requests: await Promise.all(
        ours.map(async (r) => {
          const witnessId = (r.payload as { witnessId?: string }).witnessId;
          const witnessName = witnessId ? ((await h.person(witnessId))?.name ?? '') : '';
          return { ...r, payload: { ...r.payload, witnessName } };
        }),
      ),
    };
  }

  return { request, execute, list, get, certificate, fileFacts, ready };
}

export type DisposalService = ReturnType<typeof createDisposalService>;
