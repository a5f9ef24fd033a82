import {
  EXPORT_CONFIRM_DAYS,
  type ExportFormat,
  type ExportView,
} from '../../../../shared/api/handling-export.ts';
import type { RequestRow } from '../../approvals/index.ts';
import { baseName } from './archive.ts';
import type { ExportRow } from './exports.repo.ts';

const DAY = 86_400_000;

/** What an approved (or recorded) export request asked for: its payload of ids and keys. */
export interface ExportPayload {
  purpose: string;
  fields: string[];
  format: ExportFormat;
  days: number;
  /** The outside recipient (issue 9, A18); absent or null for a copy kept inside. */
  partyId?: string | null;
  /** The recipient's name when the copy was asked for (what its approver read). */
  recipient?: string;
}

export const payloadOf = (req: RequestRow): ExportPayload => JSON.parse(req.payload) as ExportPayload;
export const recordIdsOf = (req: RequestRow): string[] | null =>
  req.record_ids ? (JSON.parse(req.record_ids) as string[]) : null;

/** The holder confirms within EXPORT_CONFIRM_DAYS of the copy's end (its expiry, or its deletion if earlier). */
export function confirmBy(row: ExportRow): string {
  const end = row.deleted_at && row.deleted_at < row.expires_at ? row.deleted_at : row.expires_at;
  return new Date(new Date(end).getTime() + EXPORT_CONFIRM_DAYS * DAY).toISOString();
}

/** An unconfirmed download past its day to confirm (A24の2). */
export const isOverdue = (row: ExportRow, now: string) =>
  row.downloaded_at !== null && row.local_deleted_at === null && confirmBy(row) <= now;

export function present(
  row: ExportRow,
  req: RequestRow,
  names: { holder: string; file: string; recipient: string | null },
  now: string,
  me: string | null,
): ExportView {
  const state: ExportView['state'] = row.deleted_at
    ? row.deleted_why === 'expired'
      ? 'expired'
      : 'deleted'
    : row.expires_at <= now
      ? 'expired'
      : 'available';
  const confirmation: ExportView['confirmation'] = row.local_deleted_at
    ? 'confirmed'
    : !row.downloaded_at
      ? 'not_needed'
      : isOverdue(row, now)
        ? 'overdue'
        : 'pending';
  return {
    id: row.id,
    requestId: row.request_id,
    number: req.number,
    fileId: row.file_id,
    fileName: names.file,
    holderId: row.person_id,
    holderName: names.holder,
    format: row.format as ExportFormat,
    archiveName: `${baseName(req.number, names.file)}.zip`,
    records: row.records,
    fields: payloadOf(req).fields,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    deletedAt: row.deleted_at,
    deletedWhy: row.deleted_why,
    downloadedAt: row.downloaded_at,
    localDeletedAt: row.local_deleted_at,
    state,
    confirmation,
    confirmBy: confirmBy(row),
    mine: me === row.person_id,
    recipientId: payloadOf(req).partyId ?? null,
    recipientName: names.recipient,
  };
}
