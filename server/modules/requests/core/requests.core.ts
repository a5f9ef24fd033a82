import type { RequesterParticulars, RequestStatus } from '../../../../shared/api/requests.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RequestsDeps } from '../requests.deps.ts';
import { computeDue, periodsOf } from './requests.periods.ts';
import { SUBJECT } from './requests.policy.ts';
import { requestsRepo, type RequestRow } from './requests.repo.ts';

const SEAL = 'subject-request';

/** The authorisation subject of a request: its id and receiving office. */
export const subjectOf = (row: Pick<RequestRow, 'id' | 'unit_id' | 'section_id'>) => ({
  id: row.id,
  unitId: row.unit_id,
  sectionId: row.section_id,
});

/** The words of the log's purpose for each kind (A11-3). */
const PURPOSES: Record<string, string> = {
  disclosure: '保有個人情報開示請求への対応',
  correction: '保有個人情報訂正請求への対応',
  suspension: '保有個人情報利用停止請求への対応',
};

/**
 * The shared core of individuals' requests: who reads and handles a request (requests.policy.ts),
 * the sealed particulars, the transition of status with the due date recomputed, the audit event.
 * Nothing here reads through another service inside a transaction (SQLite has one connection).
 */
export function createRequestsBase(deps: RequestsDeps) {
  const { database, authz, ledger, clock, keys, config } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();
  const today = () => clock.today();

  function personOf(ctx: Ctx): string {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  }

  const canRead = (ctx: Ctx, row: RequestRow) => authz.can(ctx, 'read', SUBJECT, subjectOf(row));
  const canHandle = (ctx: Ctx, row: RequestRow) => authz.can(ctx, 'handle', SUBJECT, subjectOf(row));

  async function readable(ctx: Ctx, id: string): Promise<RequestRow> {
    personOf(ctx);
    const row = await requestsRepo.get(db, id);
    if (!row || !canRead(ctx, row)) throw new AppError('requests.not_found');
    return row;
  }

  async function handled(ctx: Ctx, id: string): Promise<RequestRow> {
    const row = await readable(ctx, id);
    if (!canHandle(ctx, row)) {
      // Audited like every denial (authz.assertCan), then the request's own code.
      await authz.assertCan(ctx, 'handle', SUBJECT, subjectOf(row)).catch(() => undefined);
      throw new AppError('requests.not_handler');
    }
    return row;
  }

  /** The due date as it is now, from the row and its pauses read with `ex` (a transaction or the db). */
  async function dueOf(ex: Executor, row: RequestRow): Promise<string | null> {
    return computeDue(config, row, await requestsRepo.pauses(ex, [row.id])).dueOn;
  }

  async function transition(
    tx: Tx,
    id: string,
    from: readonly RequestStatus[],
    patch: Partial<Omit<RequestRow, 'id'>>,
  ): Promise<boolean> {
    const row = await requestsRepo.get(tx, id);
    if (!row || !(from as readonly string[]).includes(row.status)) return false;
    const next = { ...row, ...patch };
    return requestsRepo.move(tx, id, from, { ...patch, due_on: await dueOf(tx, next), updated_at: now() });
  }

  const purposeOf = (row: RequestRow) => `${PURPOSES[row.kind] ?? PURPOSES.disclosure}（${row.number}）`;

  const seal = (value: unknown) => keys.seal(SEAL, JSON.stringify(value));
  const requester = (row: RequestRow) =>
    JSON.parse(keys.open(SEAL, row.sealed_requester)) as RequesterParticulars;
  const content = (row: RequestRow) =>
    (JSON.parse(keys.open(SEAL, row.sealed_content)) as { text: string }).text;
  const fileIds = (row: RequestRow) => JSON.parse(row.file_ids) as string[];

  /** An audit event of the request (A22): ids, the number and codes only, in the caller's transaction. */
  async function audit(tx: Tx, ctx: Ctx, row: RequestRow, type: string, data: Record<string, unknown> = {}) {
    await ledger.audit(tx, ctx, {
      type,
      subjectType: SUBJECT,
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      outcome: 'ok',
      data: { number: row.number, kind: row.kind, ...data },
    });
  }

  /** The office's 保護管理者 and 保護担当者 and the unit's 総括保護管理者 (read before any transaction). */
  async function handlersOf(row: Pick<RequestRow, 'unit_id' | 'section_id'>): Promise<string[]> {
    const [pm, po, cpm] = await Promise.all([
      row.section_id ? deps.appointed('protection_manager', row.unit_id, row.section_id) : [],
      row.section_id ? deps.appointed('protection_officer', row.unit_id, row.section_id) : [],
      deps.appointed('chief_protection_manager', row.unit_id, null),
    ]);
    return [...new Set([...pm, ...po, ...cpm])];
  }

  async function periods(row: RequestRow) {
    return periodsOf(config, row, await requestsRepo.pauses(db, [row.id]), today());
  }

  return {
    deps,
    db,
    now,
    today,
    personOf,
    canRead,
    canHandle,
    readable,
    handled,
    dueOf,
    transition,
    purposeOf,
    seal,
    requester,
    content,
    fileIds,
    audit,
    handlersOf,
    periods,
  };
}

export type RequestsBase = ReturnType<typeof createRequestsBase>;
