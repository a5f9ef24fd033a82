import path from 'node:path';
import { checkInput, type CheckView } from '../../../../shared/api/provision-parties.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../../platform/files/document-store.ts';
import { newId } from '../../../platform/ids.ts';
import type { PartiesCore } from './parties.service.ts';
import { presentCheck } from './parties.presenters.ts';
import { partiesRepo } from './parties.repo.ts';

/** An uploaded document as the route reads it. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/** The next check is due a year after the check by default (the organisation's practice). */
export function aYearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Capability checks of contractors (A19-1: 委託先の能力の確認 — 個人情報の適切な管理を行う能力を有しない
 * 者を選定することがないよう): when, how (書面, 実地, 第三者認証), what was found, the result, the next
 * due date, and evidence documents kept under documentsDir with their SHA-256.
 */
export function createChecks(core: PartiesCore) {
  const { deps, db } = core;
  const store = documentStore(path.join(deps.documentsDir, 'evidence'));

  async function listChecks(ctx: Ctx, partyId: string): Promise<{ checks: CheckView[] }> {
    return { checks: (await core.view(ctx, partyId)).checks };
  }

  /**
   * Records a check by the caller. Throws provision.check_not_contractor, provision.party_retired,
   * provision.check_date_invalid; audit provision.party_checked.
   */
  async function addCheck(ctx: Ctx, partyId: string, raw: unknown): Promise<CheckView> {
    const me = core.personOf(ctx);
    await core.readable(ctx, partyId);
    const input = checkInput.parse(raw);
    await deps.authz.assertCan(ctx, 'check', 'ProvisionParty', { id: partyId });
    const nextDueOn = input.nextDueOn ?? aYearAfter(input.checkedOn);
    if (input.checkedOn > deps.clock.today() || nextDueOn <= input.checkedOn)
      throw new AppError('provision.check_date_invalid');
    const id = newId();
    await deps.database.transaction(async (tx) => {
      const party = await core.readable(ctx, partyId, tx);
      if (party.contractor !== 1) throw new AppError('provision.check_not_contractor');
      if (party.active !== 1) throw new AppError('provision.party_retired');
      await partiesRepo.insertCheck(tx, {
        id,
        party_id: partyId,
        checked_on: input.checkedOn,
        method: input.method,
        certification: input.certification,
        findings: input.findings,
        result: input.result,
        next_due_on: nextDueOn,
        checked_by: me,
        recorded_at: core.now(),
      });
      await core.audit(tx, ctx, partyId, 'provision.party_checked', {
        checkId: id,
        method: input.method,
        result: input.result,
        checkedOn: input.checkedOn,
        nextDueOn,
      });
    });
    return oneCheck(partyId, id);
  }

  async function oneCheck(partyId: string, checkId: string): Promise<CheckView> {
    const row = await partiesRepo.check(db, partyId, checkId);
    if (!row) throw new AppError('provision.check_not_found');
    return presentCheck(row, await partiesRepo.documents(db, [checkId]), core.namer());
  }

  /**
   * Adds an evidence document to a check (PDF, PNG or JPEG by its bytes, ≤ 10 MB). The file is
   * written first (mode 0600, a random name) and removed again if the transaction fails. Throws
   * provision.evidence_invalid, provision.check_not_found; audit provision.party_evidence_added.
   */
  async function addEvidence(ctx: Ctx, partyId: string, checkId: string, upload: Upload): Promise<CheckView> {
    const me = core.personOf(ctx);
    await core.readable(ctx, partyId);
    await deps.authz.assertCan(ctx, 'check', 'ProvisionParty', { id: partyId });
    if (!(await partiesRepo.check(db, partyId, checkId))) throw new AppError('provision.check_not_found');
    const put = await store.put(upload.bytes);
    if (!put) throw new AppError('provision.evidence_invalid');
    const { stored: storedName, type, sha256 } = put;
    const id = newId();
    try {
      await deps.database.transaction(async (tx) => {
        await partiesRepo.insertDocument(tx, {
          id,
          party_id: partyId,
          check_id: checkId,
          file_name: cleanFileName(upload.fileName, 'evidence'),
          content_type: type,
          size: upload.bytes.length,
          sha256,
          stored_name: storedName,
          uploaded_at: core.now(),
          uploaded_by: me,
        });
        await core.audit(tx, ctx, partyId, 'provision.party_evidence_added', {
          checkId,
          documentId: id,
          size: upload.bytes.length,
          sha256,
        });
      });
    } catch (e) {
      await store.remove(storedName);
      throw e;
    }
    return oneCheck(partyId, checkId);
  }

  /**
   * An evidence document for download, checked against its SHA-256 (provision.evidence_corrupt).
   * Audit provision.party_evidence_downloaded.
   */
  async function evidence(ctx: Ctx, partyId: string, documentId: string) {
    await core.readable(ctx, partyId);
    const doc = await partiesRepo.document(db, partyId, documentId);
    if (!doc) throw new AppError('provision.evidence_not_found');
    const body = await store.get(doc.stored_name, doc.sha256);
    if (body === 'missing') throw new AppError('provision.evidence_not_found');
    if (body === 'changed') throw new AppError('provision.evidence_corrupt');
    await core.audit(db, ctx, partyId, 'provision.party_evidence_downloaded', {
      checkId: doc.check_id,
      documentId,
    });
    return { fileName: doc.file_name, contentType: doc.content_type, body };
  }

  return { listChecks, addCheck, addEvidence, evidence };
}
export type PartyChecks = ReturnType<typeof createChecks>;
