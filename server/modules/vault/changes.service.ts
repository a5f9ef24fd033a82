import { checkInput, purposeQuery, type ChangeView } from '../../../shared/api/vault.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Access, AccessGate } from './access.ts';
import { GROUPS, sealValues, type Indexer, type Values } from './record-crypto.ts';
import type { RecordReader } from './record-reader.ts';
import type { Suspensions } from './suspensions.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type ChangeRow, type RecordRow } from './vault.repo.ts';

/**
 * A26 (入力情報の照合): in a file marked important, a new record or a change takes effect only once a
 * second person with the verify permission has checked it against the source document. The maker
 * cannot check their own entry; a rejected new record is erased with its data key.
 */
export function createChangesService(
  deps: VaultDeps,
  gate: AccessGate,
  reader: RecordReader,
  indexer: Indexer,
  suspensions: Suspensions,
) {
  const { database, ledger, clock } = deps;

  /** The entry's values as entered (the record's for a new one), within the checker's grant. */
  async function valuesOf(
    ctx: Ctx,
    access: Access,
    change: ChangeRow,
    row: RecordRow,
  ): Promise<Values | null> {
    if (change.kind === 'create') return reader.open(ctx, access, row, [...GROUPS]);
    return reader.open(ctx, access, row, [...GROUPS], `change:${change.id}:`, change);
  }

  function present(
    access: Access,
    change: ChangeRow,
    values: Values | null,
    names: Map<string, string>,
  ): ChangeView {
    const fields = JSON.parse(change.fields) as string[];
    const shown: ChangeView['values'] = {};
    const masked: string[] = [];
    for (const f of access.fields) {
      if (!fields.includes(f.key)) continue;
      if (f.sensitivity === 'my_number' && !access.myNumber) masked.push(f.key);
      else shown[f.key] = values?.[f.key] ?? null;
    }
    return {
      id: change.id,
      recordId: change.record_id,
      kind: change.kind as ChangeView['kind'],
      madeAt: change.made_at,
      madeBy: change.made_by ? (names.get(change.made_by) ?? null) : null,
      fields,
      values: shown,
      masked,
    };
  }

  /** What awaits a check, with the values to compare against the source (the reading is logged). */
  async function pending(ctx: Ctx, fileId: string, raw: unknown): Promise<{ changes: ChangeView[] }> {
    const q = purposeQuery.parse(raw);
    const access = await gate.open(ctx, fileId, q.purpose, 'verify');
    const out: ChangeView[] = [];
    const names = new Map<string, string>();
    const changes = await vaultRepo.pendingChanges(database.db, fileId);
    // 法98-1: changes of records whose use is stopped for this purpose are not shown under it.
    const stopped = await suspensions.suspendedFor(
      access.purpose.code,
      changes.map((c) => c.record_id),
    );
    for (const change of changes) {
      if (stopped.has(change.record_id)) continue;
      const row = await vaultRepo.record(database.db, fileId, change.record_id);
      if (!row || !access.inScope(row)) continue;
      if (change.made_by && !names.has(change.made_by))
        names.set(change.made_by, (await deps.person(change.made_by))?.name ?? '');
      out.push(present(access, change, await valuesOf(ctx, access, change, row), names));
    }
    await ledger.access(ctx, {
      type: 'vault.changes_listed',
      unitId: access.file.row.unit_id,
      sectionId: access.file.row.section_id,
      purpose: access.purpose.label,
      subjectType: 'vault_file',
      subjectId: fileId,
      records: out.map((c) => c.recordId),
      fields: [...new Set(out.flatMap((c) => Object.keys(c.values)))],
      outcome: 'ok',
      data: { purposeCode: access.purpose.code },
    });
    return { changes: out };
  }

  async function decide(
    ctx: Ctx,
    fileId: string,
    changeId: string,
    raw: unknown,
    verdict: 'verified' | 'rejected',
  ) {
    const input = checkInput.parse(raw);
    if (verdict === 'rejected' && input.reason === '') throw new AppError('request.invalid');
    const access = await gate.open(ctx, fileId, input.purpose, 'verify');
    const change = await vaultRepo.change(database.db, changeId);
    if (!change || change.file_id !== fileId || change.status !== 'pending')
      throw new AppError('vault.change_not_found');
    const row = await vaultRepo.record(database.db, fileId, change.record_id);
    if (!row || !access.inScope(row)) throw new AppError('vault.change_not_found');
    await suspensions.guard(ctx, access, [row.id], 'verify'); // 法98-1
    if (change.made_by !== null && change.made_by === actorPersonId(ctx))
      throw new AppError('vault.own_change');
    const now = clock.now().toISOString();
    const fields = JSON.parse(change.fields) as string[];

    await database.transaction(async (tx) => {
      const settled = await tx
        .updateTable('vault_changes')
        .set({
          status: verdict,
          checked_at: now,
          checked_by: actorPersonId(ctx),
          reason: input.reason || null,
        })
        .where('id', '=', change.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(settled.numUpdatedRows) !== 1) throw new AppError('vault.change_not_found');
      if (change.kind === 'create') {
        // A rejected new record is erased at once: its data key destroyed, its index rows gone (A15).
        await tx
          .updateTable('vault_records')
          .set(
            verdict === 'verified'
              ? { status: 'active', updated_at: now }
              : {
                  status: 'rejected',
                  key_wrapped: null,
                  sealed_normal: null,
                  sealed_sensitive: null,
                  sealed_my_number: null,
                  updated_at: now,
                },
          )
          .where('id', '=', row.id)
          .execute();
        if (verdict === 'rejected') await vaultRepo.replaceIndex(tx, fileId, row.id, []);
      } else if (verdict === 'verified') {
        if (row.revision !== change.base_revision) throw new AppError('vault.stale_revision');
        const current = await reader.open(ctx, access, row, [...GROUPS]);
        const proposed = await reader.open(ctx, access, row, [...GROUPS], `change:${change.id}:`, change);
        if (!current || !proposed) throw new AppError('vault.record_damaged');
        const merged: Values = { ...current };
        for (const k of fields) merged[k] = proposed[k] ?? null;
        const key = await reader.dataKey(row);
        const scopeField = access.file.row.scope_field;
        await tx
          .updateTable('vault_records')
          .set({
            ...sealValues(key, { fileId, recordId: row.id }, access.file.fields, merged),
            scope_tag: scopeField ? indexer.scopeTag(fileId, merged[scopeField]) : null,
            schema_version: access.file.row.schema_version,
            revision: row.revision + 1,
            updated_at: now,
            updated_by: change.made_by,
          })
          .where('id', '=', row.id)
          .execute();
        await vaultRepo.replaceIndex(
          tx,
          fileId,
          row.id,
          indexer.rows(fileId, access.file.row.index_bits, access.file.fields, merged),
        );
      }
      await ledger.audit(tx, ctx, {
        type: verdict === 'verified' ? 'vault.change_verified' : 'vault.change_rejected',
        subjectType: 'vault_record',
        subjectId: row.id,
        unitId: access.file.row.unit_id,
        sectionId: access.file.row.section_id,
        reason: input.reason || null,
        data: { fileId, changeId: change.id, kind: change.kind, fields, madeBy: change.made_by },
      });
    });
    return { id: change.id, status: verdict };
  }

  return {
    pending,
    verify: (ctx: Ctx, fileId: string, changeId: string, raw: unknown) =>
      decide(ctx, fileId, changeId, raw, 'verified'),
    reject: (ctx: Ctx, fileId: string, changeId: string, raw: unknown) =>
      decide(ctx, fileId, changeId, raw, 'rejected'),
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
