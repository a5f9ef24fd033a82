import type {
  PeriodsView,
  RequesterParticulars,
  RequestStatus,
  RequestView,
} from '../../../../shared/api/requests.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { SubjectRequestTable } from '../../../platform/db/schema-requests.ts';
import type { RequestsDeps } from '../requests.deps.ts';

export type SubjectRequestRow = SubjectRequestTable;

/**
 * What the core of individuals' requests gives the other parts (search, decision, history,
 * remedies). The core decides who reads and who handles a request; the parts never read the
 * subject_requests table for that themselves, and change it only through `transition`.
 */
export interface RequestsCoreApi {
  deps: RequestsDeps;
  /**
   * The request if the caller reads it (its handlers, the 総括管理者, the 監査責任者); otherwise
   * AppError 'requests.not_found' (404: ids of others' requests tell nothing).
   */
  readable(ctx: Ctx, id: string): Promise<SubjectRequestRow>;
  /**
   * The request if the caller handles it — the receiving office's 保護管理者 and 保護担当者, the
   * unit's 総括保護管理者, the 総括管理者 —; 404 when not readable, 403 'requests.not_handler' when
   * only readable.
   */
  handled(ctx: Ctx, id: string): Promise<SubjectRequestRow>;
  canHandle(ctx: Ctx, row: SubjectRequestRow): boolean;
  /**
   * Moves the request, in the caller's transaction, when its status is one of `from`, with the patch
   * (updated_at set, due_on recomputed); false when its status was not one of them (nothing changed).
   */
  transition(
    tx: Tx,
    id: string,
    from: readonly RequestStatus[],
    patch: Partial<Omit<SubjectRequestRow, 'id'>>,
  ): Promise<boolean>;
  /**
   * The purpose written in the log for every access made for the request (A11-3), e.g.
   * 「保有個人情報開示請求への対応（R2026-0001）」 — a number, never the requester's name.
   */
  purposeOf(row: SubjectRequestRow): string;
  /** The requester's particulars, opened from their seal (never log or return them to non-handlers). */
  requester(row: SubjectRequestRow): RequesterParticulars;
  /** What the requester asks for, opened from its seal. */
  content(row: SubjectRequestRow): string;
  /** Register file ids the request names ([]: every file). */
  fileIds(row: SubjectRequestRow): string[];
  /** An audit event of the request (ids, numbers and codes only), in the caller's transaction. */
  audit(
    tx: Tx,
    ctx: Ctx,
    row: SubjectRequestRow,
    type: string,
    data?: Record<string, unknown>,
  ): Promise<void>;
  /** Who handles it (told of reminders): the office's 保護管理者 and 保護担当者, the unit's 総括保護管理者. */
  handlersOf(row: SubjectRequestRow): Promise<string[]>;
  /** The periods as computed now (pauses read from the database). */
  periods(row: SubjectRequestRow): Promise<PeriodsView>;
  /** The request as its reader sees it (the overview page). */
  view(ctx: Ctx, id: string): Promise<RequestView>;
  /** Today in Tokyo (the clock's). */
  today(): string;
}
