import path from 'node:path';
import {
  DOCUMENT_KINDS,
  documentDisposeInput,
  type DesignDocumentKind,
  type DesignDocumentView,
  type DocumentHistoryView,
  type DocumentListView,
} from '../../../../shared/api/facility-systems.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../../platform/files/document-store.ts';
import { newId } from '../../../platform/ids.ts';
import { SUBJECT, subjectOf, type SystemsCore } from './systems.core.ts';
import { presentDocument } from './systems.presenters.ts';
import { systemsRepo, type SystemRow } from './systems.repo.ts';

export interface DocumentUpload {
  bytes: Uint8Array;
  fileName: string;
  kind: string | null;
  title: string | null;
}

/**
 * Design documents of a system (A28: 設計書、構成図等 — 保管、複製、廃棄). Stored so that outsiders
 * cannot learn them: under DATA_DIR/facilities/systems with random names (mode 0600) and their
 * SHA-256 checked at every read. Only the keepers, the システム管理者, the 監査責任者 and the unit's
 * 総括保護管理者 list and download them (others who read the system get 403, audited; the rest 404).
 * Every download is recorded (its own table, shown on the document's page) and is an audit event
 * (facilities.system_document_downloaded, ids only). Disposal (廃棄) deletes the file from disk and
 * keeps the record with who, when and why.
 */
export function createDocuments(core: SystemsCore) {
  const { deps, db } = core;
  const { authz, database } = deps;
  const store = documentStore(path.join(deps.documentsDir, 'systems'), { office: true });

  /** A system the caller reads and may open the design documents of (403 audited otherwise). */
  async function opened(ctx: Ctx, id: string, action: 'read_documents' | 'keep_documents') {
    const row = await core.readable(ctx, id);
    await authz.assertCan(ctx, action, SUBJECT, subjectOf(row));
    return row;
  }

  async function documentOf(row: SystemRow, documentId: string) {
    const doc = await systemsRepo.document(db, row.id, documentId);
    if (!doc) throw new AppError('facilities.system_document_not_found');
    return doc;
  }

  async function present(row: SystemRow, documentId: string): Promise<DesignDocumentView> {
    const doc = await documentOf(row, documentId);
    const counts = await systemsRepo.downloadCounts(db, row.id);
    return presentDocument(doc, counts.get(doc.id) ?? 0, core.namer());
  }

  async function list(ctx: Ctx, id: string): Promise<DocumentListView> {
    const row = await opened(ctx, id, 'read_documents');
    const [docs, counts] = await Promise.all([
      systemsRepo.documents(db, id),
      systemsRepo.downloadCounts(db, id),
    ]);
    const nameOf = core.namer();
    return {
      documents: await Promise.all(docs.map((d) => presentDocument(d, counts.get(d.id) ?? 0, nameOf))),
      canManage: authz.can(ctx, 'keep_documents', SUBJECT, subjectOf(row)),
    };
  }

  /**
   * Keeps a design document (PDF, PNG, JPEG, DOCX, XLSX, PPTX by its bytes; ≤ 10 MB). Throws
   * facilities.system_document_invalid. Audit facilities.system_document_uploaded.
   */
  async function upload(ctx: Ctx, id: string, file: DocumentUpload): Promise<DesignDocumentView> {
    const me = core.personOf(ctx);
    const row = await opened(ctx, id, 'keep_documents');
    if (row.active !== 1) throw new AppError('facilities.system_retired');
    const kind = (file.kind ?? 'design') as DesignDocumentKind;
    const title = (file.title ?? '').trim();
    if (!DOCUMENT_KINDS.includes(kind) || title.length > 200)
      throw new AppError('request.invalid', {
        details: [{ path: DOCUMENT_KINDS.includes(kind) ? 'title' : 'kind', code: 'invalid_value' }],
      });
    const put = await store.put(file.bytes);
    if (!put) throw new AppError('facilities.system_document_invalid');
    const documentId = newId();
    try {
      await database.transaction(async (tx) => {
        const fileName = cleanFileName(file.fileName);
        await systemsRepo.insertDocument(tx, {
          id: documentId,
          system_id: id,
          kind,
          title: title || fileName,
          file_name: fileName,
          content_type: put.type,
          size: put.size,
          sha256: put.sha256,
          stored_name: put.stored,
          uploaded_at: core.now(),
          uploaded_by: me,
          disposed_at: null,
          disposed_by: null,
          dispose_reason: null,
        });
        await core.audit(tx, ctx, row, 'facilities.system_document_uploaded', {
          documentId,
          kind,
          size: put.size,
          sha256: put.sha256,
        });
      });
    } catch (e) {
      await store.remove(put.stored);
      throw e;
    }
    return present(row, documentId);
  }

  /**
   * The document's bytes, checked against its SHA-256; the download is recorded and audited
   * (facilities.system_document_downloaded) before the bytes leave the server.
   */
  async function download(ctx: Ctx, id: string, documentId: string) {
    const me = core.personOf(ctx);
    const row = await opened(ctx, id, 'read_documents');
    const doc = await documentOf(row, documentId);
    if (doc.disposed_at !== null) throw new AppError('facilities.system_document_disposed');
    const body = await store.get(doc.stored_name, doc.sha256);
    if (body === 'missing') throw new AppError('facilities.system_document_not_found');
    if (body === 'changed') throw new AppError('facilities.system_document_corrupt');
    await database.transaction(async (tx) => {
      const downloadId = newId();
      await systemsRepo.insertDownload(tx, {
        id: downloadId,
        document_id: doc.id,
        system_id: id,
        person_id: me,
        at: core.now(),
      });
      await core.audit(tx, ctx, row, 'facilities.system_document_downloaded', {
        documentId: doc.id,
        downloadId,
      });
    });
    return { fileName: doc.file_name, contentType: doc.content_type, body };
  }

  /** The document and every download of it (who, when), newest first. */
  async function history(ctx: Ctx, id: string, documentId: string): Promise<DocumentHistoryView> {
    const row = await opened(ctx, id, 'read_documents');
    const document = await present(row, documentId);
    const nameOf = core.namer();
    const downloads = await systemsRepo.downloads(db, documentId);
    return {
      document,
      downloads: await Promise.all(
        downloads.map(async (d) => ({
          id: d.id,
          personId: d.person_id,
          personName: await nameOf(d.person_id),
          at: d.at,
        })),
      ),
    };
  }

  /**
   * A28 廃棄: the file is deleted from disk once the disposal is recorded; the record stays with
   * who, when and why. Audit facilities.system_document_disposed.
   */
  async function dispose(
    ctx: Ctx,
    id: string,
    documentId: string,
    raw: unknown,
  ): Promise<DesignDocumentView> {
    const me = core.personOf(ctx);
    const row = await opened(ctx, id, 'keep_documents');
    const input = documentDisposeInput.parse(raw);
    const doc = await documentOf(row, documentId);
    if (doc.disposed_at !== null) throw new AppError('facilities.system_document_disposed');
    await database.transaction(async (tx) => {
      const done = await systemsRepo.dispose(tx, doc.id, {
        disposed_at: core.now(),
        disposed_by: me,
        dispose_reason: input.reason,
      });
      if (!done) throw new AppError('facilities.system_document_disposed');
      await core.audit(tx, ctx, row, 'facilities.system_document_disposed', { documentId: doc.id });
    });
    await store.remove(doc.stored_name);
    return present(row, documentId);
  }

  return { list, upload, download, history, dispose };
}
