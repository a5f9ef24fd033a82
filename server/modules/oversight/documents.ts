import { OVERSIGHT_DOCUMENT_MAX_BYTES, type DocumentRef } from '../../../shared/api/oversight.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { OversightDocumentTable } from '../../platform/db/schema-oversight.ts';
import { AppError } from '../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../platform/files/document-store.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import { auditOf, personOf } from './common.ts';
import type { OversightDeps } from './oversight.deps.ts';

export type DocumentOwner = 'meeting' | 'guidance' | 'local_rule';

/** What an audit row of a document is about: the owner's record (ledger subject). */
type Subject = Parameters<ReturnType<typeof auditOf>>[3];

/**
 * Documents of oversight (minutes A9, guidance A39, local rules A40) under DATA_DIR/oversight: typed
 * by their first bytes (PDF, PNG, JPEG, and Office documents by their ZIP parts: the platform's
 * document store), never by the client's word; 1 byte to 10 MB; random name, mode 0600, SHA-256 kept
 * and checked at every read. The latest document of an owner is shown; earlier ones are kept.
 */
export function createDocuments(deps: OversightDeps) {
  const dir = deps.documentsDir;
  const store = documentStore(dir, { office: true });

  /** Stores the bytes, or throws oversight.document_type. */
  async function keep(bytes: Uint8Array) {
    if (bytes.length > OVERSIGHT_DOCUMENT_MAX_BYTES) throw new AppError('oversight.document_type');
    const kept = await store.put(bytes);
    if (!kept) throw new AppError('oversight.document_type');
    return { stored: kept.stored, type: kept.type as string, sha256: kept.sha256 };
  }

  /**
   * Stores an upload and records it in `write`'s transaction (which also audits); the stored file is
   * removed when the transaction fails.
   */
  async function upload(
    ctx: Ctx,
    owner: { kind: DocumentOwner; id: string },
    file: { bytes: Uint8Array; fileName: string },
    write: (tx: Executor, doc: { id: string; size: number; sha256: string; type: string }) => Promise<void>,
  ) {
    const me = personOf(ctx);
    const put = await keep(file.bytes);
    // Time-ordered: the latest of an owner is the greatest id, even within one millisecond.
    const id = newTimeOrderedId();
    try {
      await deps.database.transaction(async (tx) => {
        await tx
          .insertInto('oversight_documents')
          .values({
            id,
            owner_kind: owner.kind,
            owner_id: owner.id,
            file_name: cleanFileName(file.fileName),
            content_type: put.type,
            size: file.bytes.length,
            sha256: put.sha256,
            stored_name: put.stored,
            uploaded_at: deps.clock.now().toISOString(),
            uploaded_by: me,
          })
          .execute();
        await write(tx, { id, size: file.bytes.length, sha256: put.sha256, type: put.type });
      });
    } catch (e) {
      await store.remove(put.stored);
      throw e;
    }
  }

  /** The latest document of each owner of a kind. */
  async function latest(
    kind: DocumentOwner,
    ownerIds: string[],
  ): Promise<Map<string, OversightDocumentTable>> {
    const out = new Map<string, OversightDocumentTable>();
    if (ownerIds.length === 0) return out;
    const rows = await deps.database.db
      .selectFrom('oversight_documents')
      .selectAll()
      .where('owner_kind', '=', kind)
      .where('owner_id', 'in', ownerIds)
      .orderBy('id', 'asc')
      .execute();
    for (const r of rows) out.set(r.owner_id, r);
    return out;
  }

  const ref = (doc: OversightDocumentTable | undefined, downloadPath: string): DocumentRef | null =>
    doc
      ? {
          fileName: doc.file_name,
          type: doc.content_type,
          size: doc.size,
          uploadedAt: doc.uploaded_at,
          path: downloadPath,
        }
      : null;

  /** The latest document's bytes, checked against its SHA-256; oversight.document_not_found otherwise. */
  async function read(kind: DocumentOwner, ownerId: string) {
    const doc = (await latest(kind, [ownerId])).get(ownerId);
    if (!doc) throw new AppError('oversight.document_not_found');
    const body = await store.get(doc.stored_name, doc.sha256);
    if (typeof body === 'string') throw new AppError('oversight.document_not_found');
    return { id: doc.id, fileName: doc.file_name, contentType: doc.content_type, body };
  }

  const audit = auditOf(deps);

  /**
   * An upload audited in its own transaction as `oversight.<kind>_document_uploaded` (meeting_…
   * A9, guidance_… A39, local_rule_… A40) with the caller's `data`, then the document's id, size and
   * SHA-256, so a failed audit write undoes the upload.
   */
  const uploadAudited = (
    ctx: Ctx,
    owner: { kind: DocumentOwner; id: string },
    file: { bytes: Uint8Array; fileName: string },
    subject: Subject,
    data: Record<string, unknown> = {},
  ) =>
    upload(ctx, owner, file, (tx, doc) =>
      audit(tx, ctx, `oversight.${owner.kind}_document_uploaded`, subject, {
        ...data,
        documentId: doc.id,
        size: doc.size,
        sha256: doc.sha256,
      }),
    );

  /** The latest document (as `read`), its reading audited as `oversight.<kind>_document_read`. */
  async function readAudited(ctx: Ctx, owner: { kind: DocumentOwner; id: string }, subject: Subject) {
    const doc = await read(owner.kind, owner.id);
    await audit(deps.database.db, ctx, `oversight.${owner.kind}_document_read`, subject, {
      documentId: doc.id,
    });
    return doc;
  }

  return { upload, latest, ref, read, uploadAudited, readAudited };
}
export type Documents = ReturnType<typeof createDocuments>;
