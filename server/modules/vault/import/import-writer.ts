import type { Insertable } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database, Tx } from '../../../platform/db/index.ts';
import type { VaultChangeTable, VaultIndexTable } from '../../../platform/db/schema-vault.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { LoadedFile } from '../file-loader.ts';
import { keyContext, sealValues, type Indexer, type Values } from '../record-crypto.ts';
import type { VaultDeps } from '../vault.deps.ts';
import type { RecordRow } from '../vault.repo.ts';

/** Records sealed and written per step: one insertRows call each, and a progress update. */
export const BATCH = 1_000;

/**
 * One batch of rows ready to insert: ciphertext and index values only, no plain text. The index
 * rows (a dozen per record with prefix search) are kept as columns and made into rows only when
 * written: a hundred thousand records would otherwise hold a million small objects until the end.
 */
export interface SealedBatch {
  records: RecordRow[];
  index: { fields: string[]; values: number[]; owners: number[] };
  changes: Insertable<VaultChangeTable>[];
}

export interface SealOptions {
  file: LoadedFile;
  by: string | null;
  at: string;
  /** A26: records of an important file wait, each with its 'create' change, for a second person. */
  important: boolean;
}

const KEY_BYTES = 32;

/**
 * Seals one batch of records as create() does (A25): a data key per record, wrapped by the
 * key-encryption key (all wraps of the batch at once, so a KMS is asked in parallel), the values
 * sealed by sensitivity group under it, the blind index rows and the scope tag. The batch's data
 * keys are drawn in one call to the random generator (a call costs as much as its first kilobytes)
 * and zeroed once used.
 */
export async function sealBatch(
  deps: Pick<VaultDeps, 'kek'>,
  indexer: Indexer,
  opts: SealOptions,
  rows: readonly { values: Values }[],
): Promise<SealedBatch> {
  const pool = randomBytes(KEY_BYTES * rows.length);
  try {
    const keys = rows.map((_, i) => pool.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES));
    return await sealWith(deps, indexer, opts, rows, keys);
  } finally {
    pool.fill(0);
  }
}

async function sealWith(
  deps: Pick<VaultDeps, 'kek'>,
  indexer: Indexer,
  opts: SealOptions,
  rows: readonly { values: Values }[],
  keys: Buffer[],
): Promise<SealedBatch> {
  const { file, by, at, important } = opts;
  const fileId = file.row.file_id;
  const { fields } = file;
  const bits = file.row.index_bits;
  const scopeField = file.row.scope_field;
  const ids = rows.map(() => newTimeOrderedId());
  const wrapped = await Promise.all(keys.map((k, i) => deps.kek.wrap(k, keyContext(fileId, ids[i]!))));
  const out: SealedBatch = { records: [], index: { fields: [], values: [], owners: [] }, changes: [] };
  const { index } = out;
  for (let i = 0; i < rows.length; i += 1) {
    const id = ids[i]!;
    const values = rows[i]!.values;
    out.records.push({
      id,
      file_id: fileId,
      unit_id: file.row.unit_id,
      scope_tag: scopeField ? indexer.scopeTag(fileId, values[scopeField]) : null,
      schema_version: file.row.schema_version,
      status: important ? 'pending' : 'active',
      revision: 1,
      key_wrapped: wrapped[i]!.wrapped,
      key_version: wrapped[i]!.kekVersion,
      ...sealValues(keys[i]!, { fileId, recordId: id }, fields, values),
      created_at: at,
      created_by: by,
      updated_at: at,
      updated_by: by,
    });
    for (const r of indexer.rows(fileId, bits, fields, values)) {
      index.fields.push(fieldName(r.field));
      index.values.push(r.value);
      index.owners.push(i);
    }
    if (important)
      out.changes.push({
        id: newTimeOrderedId(),
        file_id: fileId,
        record_id: id,
        kind: 'create',
        status: 'pending',
        base_revision: 0,
        schema_version: file.row.schema_version,
        fields: JSON.stringify(Object.keys(values).filter((k) => values[k] !== null)),
        sealed_normal: null,
        sealed_sensitive: null,
        sealed_my_number: null,
        made_at: at,
        made_by: by,
        checked_at: null,
        checked_by: null,
        reason: null,
      });
  }
  return out;
}

/** One string per index field name ('name^3' is made anew for every record), so that batches share it. */
const names = new Map<string, string>();
function fieldName(name: string): string {
  let shared = names.get(name);
  if (shared === undefined) {
    shared = name;
    if (names.size < 10_000) names.set(name, name);
  }
  return shared;
}

/** Writes a sealed batch in the caller's transaction through the fast insert path. */
export async function writeBatch(database: Database, tx: Tx, batch: SealedBatch): Promise<void> {
  await database.insertRows(tx, 'vault_records', batch.records);
  const { fields, values, owners } = batch.index;
  const index = fields.map((field, i): Insertable<VaultIndexTable> => {
    const record = batch.records[owners[i]!]!;
    return { file_id: record.file_id, field, value: values[i]!, record_id: record.id };
  });
  await database.insertRows(tx, 'vault_index', index);
  if (batch.changes.length > 0) await database.insertRows(tx, 'vault_changes', batch.changes);
}
