import path from 'node:path';
import {
  CONTRACT_DOCUMENT_KINDS,
  type ContractDocumentKind,
  type ContractView,
} from '../../../../shared/api/provision-contracts.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../../platform/files/document-store.ts';
import { newId } from '../../../platform/ids.ts';
import type { ContractsCore, Stage } from './contracts.core.ts';
import { contractsRepo } from './contracts.repo.ts';

/** The contract itself may be uploaded until the end; erasure evidence while ending (A19-1(5)). */
const STAGES: Record<ContractDocumentKind, Stage> = {
  contract: { from: ['draft', 'active', 'ending'], code: 'provision.contract_not_active' },
  erasure: { from: ['ending'], code: 'provision.contract_not_ending' },
};

export const parseDocumentKind = (kind: string): ContractDocumentKind => {
  if (!(CONTRACT_DOCUMENT_KINDS as readonly string[]).includes(kind))
    throw new AppError('request.invalid', { details: [{ path: 'kind', code: 'invalid_value' }] });
  return kind as ContractDocumentKind;
};

/**
 * Documents of a contract (the signed contract; the erasure certificate of A19-1(5)): PDF, PNG or
 * JPEG up to 10 MB, kept under DATA_DIR/provision/contracts with their SHA-256; the latest of each
 * kind is shown, earlier ones are kept. Reading one is audited.
 */
export function createDocuments(core: ContractsCore, get: (ctx: Ctx, id: string) => Promise<ContractView>) {
  const { deps } = core;
  const store = documentStore(path.join(deps.documentsDir, 'contracts'));

  /** Uploads a document. Throws provision.contract_document_invalid. Audit provision.contract_document_uploaded. */
  async function upload(
    ctx: Ctx,
    id: string,
    kindRaw: string,
    file: { bytes: Uint8Array; fileName: string },
  ): Promise<ContractView> {
    const kind = parseDocumentKind(kindRaw);
    const stage = STAGES[kind];
    const l = await core.open(ctx, id, stage);
    const put = await store.put(file.bytes);
    if (!put) throw new AppError('provision.contract_document_invalid');
    const { stored, type, sha256 } = put;
    const docId = newId();
    try {
      await core.commit(ctx, l, stage, async (tx, at) => {
        await contractsRepo.insertDocument(tx, {
          id: docId,
          contract_id: id,
          kind,
          file_name: cleanFileName(file.fileName),
          content_type: type,
          size: file.bytes.length,
          sha256,
          stored_name: stored,
          uploaded_at: at,
          uploaded_by: l.me,
        });
        await core.audit(tx, ctx, l.row, 'provision.contract_document_uploaded', {
          documentId: docId,
          kind,
          size: file.bytes.length,
          sha256,
        });
      });
    } catch (e) {
      await store.remove(stored);
      throw e;
    }
    return get(ctx, id);
  }

  /**
   * The latest document of a kind, checked against its SHA-256. Throws
   * provision.contract_document_not_found. Audit provision.contract_document_read.
   */
  async function read(ctx: Ctx, id: string, kindRaw: string) {
    const kind = parseDocumentKind(kindRaw);
    const l = await core.readable(ctx, id);
    const doc = l.documents.find((d) => d.kind === kind);
    if (!doc) throw new AppError('provision.contract_document_not_found');
    const body = await store.get(doc.stored_name, doc.sha256);
    if (typeof body === 'string') throw new AppError('provision.contract_document_not_found');
    await core.audit(deps.database.db, ctx, l.row, 'provision.contract_document_read', {
      documentId: doc.id,
      kind,
    });
    return { fileName: doc.file_name, contentType: doc.content_type, body };
  }

  return { upload, read };
}
