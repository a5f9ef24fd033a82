import { systemCtx, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { VaultSuspensionTable } from '../../platform/db/schema-requests-remedies.ts';
import type { Access } from './access.ts';
import type { FileLoader } from './file-loader.ts';
import type { VaultDeps } from './vault.deps.ts';
import type { ScopeFilter } from './vault.repo.ts';

export type SuspensionRow = VaultSuspensionTable;

export interface SuspendInput {
  fileId: string;
  recordId: string;
  purposeCodes: string[];
  /** The subject request (利用停止請求, 法98) whose approved decision stops the use. */
  requestId: string;
}

export interface LiftInput {
  requestId: string;
  /** Only this record's suspensions (all of the request's when absent). */
  recordId?: string;
  liftedBy?: string | null;
}

/**
 * Suspension of use of records (issue 12; 法98–103 利用停止): a record suspended for some purposes
 * of its file is refused for those purposes (view, reveal, update, a named export, the check of its
 * change: 403 vault.record_suspended, the refusal in the log as authz.denied) and left out of lists,
 * searches and bulk exports under them (the list says how many were withheld, never which); under
 * the file's other purposes it is served as before (法98-1 「利用の停止」 is per purpose: 法61-2,
 * 法69-1). Suspensions are made and lifted in the decision's transaction (only `tx` is used there).
 */
export function createSuspensions(deps: VaultDeps, files: FileLoader) {
  const { database, ledger, clock } = deps;
  const now = () => clock.now().toISOString();

  async function fileOwner(tx: Executor, fileId: string) {
    return tx
      .selectFrom('vault_files')
      .select(['unit_id', 'section_id'])
      .where('file_id', '=', fileId)
      .executeTakeFirst();
  }

  /** Stops the use of a record for purposes of its file (those already stopped are kept as they are). */
  async function suspend(tx: Tx, input: SuspendInput, ctx: Ctx = systemCtx('vault-suspensions')) {
    const open = await tx
      .selectFrom('vault_suspensions')
      .select('purpose_code')
      .where('record_id', '=', input.recordId)
      .where('lifted_at', 'is', null)
      .execute();
    const already = new Set(open.map((r) => r.purpose_code));
    const codes = [...new Set(input.purposeCodes)].filter((c) => !already.has(c));
    if (codes.length === 0) return 0;
    const since = now();
    await tx
      .insertInto('vault_suspensions')
      .values(
        codes.map((purpose_code) => ({
          id: newId(),
          file_id: input.fileId,
          record_id: input.recordId,
          purpose_code,
          request_id: input.requestId,
          since,
          lifted_at: null,
          lifted_by: null,
        })),
      )
      .execute();
    const owner = await fileOwner(tx, input.fileId);
    await ledger.audit(tx, ctx, {
      type: 'vault.record_suspended',
      subjectType: 'vault_record',
      subjectId: input.recordId,
      unitId: owner?.unit_id ?? null,
      sectionId: owner?.section_id ?? null,
      // Ids and codes only (A22).
      data: { fileId: input.fileId, purposeCodes: codes, requestId: input.requestId },
    });
    return codes.length;
  }

  /** Lifts the suspensions a request made (e.g. the request reopened, or the reason gone: 法98). */
  async function lift(tx: Tx, input: LiftInput, ctx: Ctx = systemCtx('vault-suspensions')) {
    let q = tx
      .selectFrom('vault_suspensions')
      .selectAll()
      .where('request_id', '=', input.requestId)
      .where('lifted_at', 'is', null);
    if (input.recordId) q = q.where('record_id', '=', input.recordId);
    const rows = await q.execute();
    if (rows.length === 0) return 0;
    await tx
      .updateTable('vault_suspensions')
      .set({ lifted_at: now(), lifted_by: input.liftedBy ?? null })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    for (const recordId of [...new Set(rows.map((r) => r.record_id))]) {
      const mine = rows.filter((r) => r.record_id === recordId);
      const owner = await fileOwner(tx, mine[0]!.file_id);
      await ledger.audit(tx, ctx, {
        type: 'vault.record_suspension_lifted',
        subjectType: 'vault_record',
        subjectId: recordId,
        unitId: owner?.unit_id ?? null,
        sectionId: owner?.section_id ?? null,
        data: {
          fileId: mine[0]!.file_id,
          purposeCodes: mine.map((r) => r.purpose_code),
          requestId: input.requestId,
        },
      });
    }
    return rows.length;
  }

  /** The suspensions in force on these records. */
  async function active(recordIds: string[], db: Executor = database.db): Promise<SuspensionRow[]> {
    if (recordIds.length === 0) return [];
    const out: SuspensionRow[] = [];
    for (let i = 0; i < recordIds.length; i += 500)
      out.push(
        ...(await db
          .selectFrom('vault_suspensions')
          .selectAll()
          .where('record_id', 'in', recordIds.slice(i, i + 500))
          .where('lifted_at', 'is', null)
          .execute()),
      );
    return out;
  }

  /** Every suspension a request made, lifted ones included (its history). */
  const ofRequest = (requestId: string, db: Executor = database.db) =>
    db
      .selectFrom('vault_suspensions')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('since')
      .orderBy('id')
      .execute();

  /** Of these records, those whose use is stopped for the purpose. */
  async function suspendedFor(purposeCode: string, recordIds: string[]): Promise<Set<string>> {
    const rows = await active(recordIds);
    return new Set(rows.filter((r) => r.purpose_code === purposeCode).map((r) => r.record_id));
  }

  /** How many records in the reader's scope are withheld from this purpose (a count, never ids). */
  async function withheld(fileId: string, purposeCode: string, scope: ScopeFilter): Promise<number> {
    let q = database.db
      .selectFrom('vault_suspensions as s')
      .innerJoin('vault_records as vault_records', 'vault_records.id', 's.record_id')
      .select((eb) => eb.fn.count<number | string>('s.record_id').distinct().as('n'))
      .where('s.file_id', '=', fileId)
      .where('s.purpose_code', '=', purposeCode)
      .where('s.lifted_at', 'is', null)
      .where('vault_records.status', '=', 'active');
    if (scope.unitIds)
      q = q.where('vault_records.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
    if (scope.tags) q = q.where('vault_records.scope_tag', 'in', scope.tags.length ? scope.tags : ['']);
    const row = await q.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Refuses a record whose use is stopped for the access's purpose (法98-1): 403
   * vault.record_suspended, written to the log as authz.denied before it is answered (A22).
   */
  async function guard(ctx: Ctx, access: Access, recordIds: string[], action: string) {
    const stopped = await suspendedFor(access.purpose.code, recordIds);
    if (stopped.size === 0) return;
    await ledger.audit(database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'VaultFile',
      subjectId: access.file.row.file_id,
      unitId: access.file.row.unit_id,
      sectionId: access.file.row.section_id,
      outcome: 'denied',
      data: {
        action,
        code: 'vault.record_suspended',
        recordIds: [...stopped],
        purposeCode: access.purpose.code,
      },
    });
    throw new AppError('vault.record_suspended');
  }

  /**
   * The schema of files as a request sees them: field keys and labels, and the registered purposes
   * (法98-1: the use is stopped per purpose). Nothing sealed is read.
   */
  async function schemaOf(fileIds: string[]) {
    const out: {
      fileId: string;
      fields: { key: string; label: string; myNumber: boolean }[];
      purposes: { code: string; label: string }[];
    }[] = [];
    for (const fileId of [...new Set(fileIds)]) {
      const file = await files.find(fileId);
      if (!file) continue;
      out.push({
        fileId,
        fields: file.fields.map((f) => ({
          key: f.key,
          label: f.label,
          myNumber: f.sensitivity === 'my_number',
        })),
        purposes: file.purposes.map((p) => ({ code: p.code, label: p.label })),
      });
    }
    return out;
  }

  return { suspend, lift, active, ofRequest, suspendedFor, withheld, guard, schemaOf };
}

export type Suspensions = ReturnType<typeof createSuspensions>;
