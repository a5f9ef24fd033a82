import path from 'node:path';
import type { AnswerInput, AuditView, EvidenceLinkInput } from '../../../shared/api/audits.ts';
import { answerInput, evidenceLinkInput } from '../../../shared/api/audits.ts';
import type { EvidenceItem, EvidenceKind } from '../../../shared/api/evidence.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../platform/files/document-store.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditsCore, Loaded } from './audits.core.ts';
import { auditsRepo } from './audits.repo.ts';

/**
 * The checklist of an audit in progress (A36): answers, evidence linked from Mamori's own records
 * (only what the evidence source lists for the audit's units and period) and uploaded documents
 * (PDF, PNG, JPEG ≤ 10 MB under DATA_DIR/audits with their SHA-256; reading one is audited).
 */
export function createChecklist(core: AuditsCore) {
  const { deps } = core;
  const store = documentStore(path.join(deps.documentsDir, 'documents'));

  const itemOf = (l: Loaded, itemId: string) => {
    const item = l.items.find((i) => i.id === itemId);
    if (!item) throw new AppError('audits.item_not_found');
    return item;
  };

  /** Answers an item: conforms / partly / does_not / not_applicable, with a note. Audit audits.item_answered. */
  async function answer(ctx: Ctx, id: string, itemId: string, input: AnswerInput): Promise<AuditView> {
    const me = core.personOf(ctx);
    const l = await core.open(ctx, id, 'in_progress');
    const item = itemOf(l, itemId);
    const a = answerInput.parse(input);
    await core.commit(id, 'in_progress', async (tx, at, row) => {
      await auditsRepo.updateItem(tx, itemId, {
        answer: a.answer,
        note: a.note,
        answered_at: at,
        answered_by: me,
      });
      await core.audit(tx, ctx, row, 'audits.item_answered', {
        itemId,
        featureId: item.feature_id,
        answer: a.answer,
      });
    });
    return core.view(ctx, id);
  }

  /** What the 監査責任者 can link: the records of a kind in the audit's units and period. */
  async function candidates(ctx: Ctx, id: string, kind: EvidenceKind): Promise<{ items: EvidenceItem[] }> {
    const l = await core.readable(ctx, id);
    await deps.authz.assertCan(ctx, 'run', 'Audit', { id });
    return { items: await deps.evidence(kind, core.scopeOf(l.row)) };
  }

  /** Links a record: accepted only when the source lists it for this audit's scope. Audit audits.evidence_linked. */
  async function link(ctx: Ctx, id: string, itemId: string, input: EvidenceLinkInput): Promise<AuditView> {
    const me = core.personOf(ctx);
    const l = await core.open(ctx, id, 'in_progress');
    itemOf(l, itemId);
    const { kind, ref } = evidenceLinkInput.parse(input);
    const found = (await deps.evidence(kind, core.scopeOf(l.row))).find((e) => e.ref === ref);
    if (!found) throw new AppError('audits.evidence_not_in_scope');
    if (l.evidence.some((e) => e.item_id === itemId && e.kind === kind && e.ref === ref))
      throw new AppError('audits.evidence_exists');
    const evidenceId = newId();
    await core.commit(id, 'in_progress', async (tx, at, row) => {
      await auditsRepo.insertEvidence(tx, {
        id: evidenceId,
        audit_id: id,
        item_id: itemId,
        kind,
        ref,
        label: found.label,
        path: found.path,
        at: found.at,
        unit_id: found.unitId,
        linked_at: at,
        linked_by: me,
      });
      await core.audit(tx, ctx, row, 'audits.evidence_linked', { itemId, evidenceId, kind, ref });
    });
    return core.view(ctx, id);
  }

  /** Removes a link. Audit audits.evidence_unlinked. */
  async function unlink(ctx: Ctx, id: string, itemId: string, evidenceId: string): Promise<AuditView> {
    const l = await core.open(ctx, id, 'in_progress');
    itemOf(l, itemId);
    const e = l.evidence.find((x) => x.id === evidenceId && x.item_id === itemId);
    if (!e) throw new AppError('audits.evidence_not_found');
    await core.commit(id, 'in_progress', async (tx, _at, row) => {
      await auditsRepo.deleteEvidence(tx, id, evidenceId);
      await core.audit(tx, ctx, row, 'audits.evidence_unlinked', { itemId, evidenceId, kind: e.kind });
    });
    return core.view(ctx, id);
  }

  /** Uploads a document to an item. Throws audits.document_invalid. Audit audits.document_uploaded. */
  async function upload(
    ctx: Ctx,
    id: string,
    itemId: string,
    file: { bytes: Uint8Array; fileName: string },
  ): Promise<AuditView> {
    const me = core.personOf(ctx);
    const l = await core.open(ctx, id, 'in_progress');
    itemOf(l, itemId);
    const put = await store.put(file.bytes);
    if (!put) throw new AppError('audits.document_invalid');
    const documentId = newId();
    try {
      await core.commit(id, 'in_progress', async (tx, at, row) => {
        await auditsRepo.insertDocument(tx, {
          id: documentId,
          audit_id: id,
          item_id: itemId,
          file_name: cleanFileName(file.fileName),
          content_type: put.type,
          size: put.size,
          sha256: put.sha256,
          stored_name: put.stored,
          uploaded_at: at,
          uploaded_by: me,
        });
        await core.audit(tx, ctx, row, 'audits.document_uploaded', {
          itemId,
          documentId,
          size: put.size,
          sha256: put.sha256,
        });
      });
    } catch (e) {
      await store.remove(put.stored);
      throw e;
    }
    return core.view(ctx, id);
  }

  /** A document, checked against its SHA-256, for the audit's readers. Audit audits.document_read. */
  async function readDocument(ctx: Ctx, id: string, documentId: string) {
    const l = await core.readable(ctx, id);
    const doc = l.documents.find((d) => d.id === documentId);
    if (!doc) throw new AppError('audits.document_not_found');
    const body = await store.get(doc.stored_name, doc.sha256);
    if (typeof body === 'string') throw new AppError('audits.document_not_found');
    await core.audit(deps.database.db, ctx, l.row, 'audits.document_read', { documentId });
    return { body, contentType: doc.content_type, fileName: doc.file_name };
  }

  return { answer, candidates, link, unlink, upload, readDocument };
}
