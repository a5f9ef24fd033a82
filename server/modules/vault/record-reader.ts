import type { Ctx } from '../../platform/context.ts';
import { CiphertextError } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Access } from './access.ts';
import { keyContext, openValues, sealedColumn, type Group, type Values } from './record-crypto.ts';
import type { VaultDeps } from './vault.deps.ts';
import type { RecordRow } from './vault.repo.ts';

/**
 * Opens records (A25): unwraps the record's data key and opens the groups asked for. A ciphertext
 * or wrapped key that fails to authenticate (altered in the database, moved from another record) is
 * never shown: the failure goes to the log as `vault.integrity_failure` and the record reads as
 * damaged (null).
 */
export function createRecordReader(deps: Pick<VaultDeps, 'kek' | 'ledger' | 'database'>) {
  async function dataKey(row: RecordRow): Promise<Buffer> {
    if (row.key_wrapped === null) throw new AppError('vault.record_erased');
    return deps.kek.unwrap(
      { kekVersion: row.key_version, wrapped: row.key_wrapped },
      keyContext(row.file_id, row.id),
    );
  }

  async function damaged(
    ctx: Ctx,
    access: Access | null,
    row: RecordRow,
    group: string,
    error: CiphertextError,
  ) {
    await deps.ledger.audit(deps.database.db, ctx, {
      type: 'vault.integrity_failure',
      subjectType: 'vault_record',
      subjectId: row.id,
      unitId: access?.file.row.unit_id ?? null,
      sectionId: access?.file.row.section_id ?? null,
      outcome: 'error',
      data: { fileId: row.file_id, group, reason: error.reason },
    });
  }

  async function open(
    ctx: Ctx,
    access: Access | null,
    row: RecordRow,
    groups: readonly Group[],
    prefix?: string,
    sealed: Pick<RecordRow, 'sealed_normal' | 'sealed_sensitive' | 'sealed_my_number'> = row,
  ): Promise<Values | null> {
    let key: Buffer;
    try {
      key = await dataKey(row);
    } catch (e) {
      if (!(e instanceof CiphertextError)) throw e;
      await damaged(ctx, access, row, 'key', e);
      return null;
    }
    const values: Values = {};
    for (const group of new Set(groups)) {
      try {
        Object.assign(
          values,
          openValues(
            key,
            { fileId: row.file_id, recordId: row.id, prefix },
            group,
            sealed[sealedColumn(group)],
          ),
        );
      } catch (e) {
        if (!(e instanceof CiphertextError)) throw e;
        await damaged(ctx, access, row, group, e);
        return null;
      }
    }
    return values;
  }

  return { open, dataKey };
}

export type RecordReader = ReturnType<typeof createRecordReader>;
