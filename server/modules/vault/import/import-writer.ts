import type { Insertable } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database, Tx } from '../../../platform/db/index.ts';
import type { VaultChangeTable, VaultIndexTable } from '../../../platform/db/schema-vault.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { LoadedFile } from '../file-loader.ts';
import { keyContext, sealValues, type Indexer, type Values } from '../record-crypto.ts';
import type { VaultDeps } from '../vault.deps.ts';
import { indexKeysOf, type RecordRow } from '../vault.repo.ts';

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
    const indexRows = indexer.rows(fileId, bits, fields, values);
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
      index_keys: indexKeysOf(indexRows),
      created_at: at,
      created_by: by,
      updated_at: at,
      updated_by: by,
    });
    for (const r of indexRows) {
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

/** Index rows per insertRows call (and progress report) once sorted. */
const INDEX_CHUNK = 10_000;

/**
 * Writes every sealed batch in the caller's transaction through the fast insert path: the records
 * (and their changes awaiting a check) batch by batch, then all their blind index rows sorted by
 * primary key, so that the index's B-tree is filled in order rather than at scattered places (on
 * SQLite several times faster for a large import; bench/vault-import.ts). `progress` gets the
 * share of rows written so far.
 */
export async function writeBatches(
  database: Database,
  tx: Tx,
  batches: readonly SealedBatch[],
  progress: (share: number) => void,
): Promise<void> {
  const indexCount = batches.reduce((n, b) => n + b.index.values.length, 0);
  const recordCount = batches.reduce((n, b) => n + b.records.length, 0);
  const all = recordCount + indexCount;
  let done = 0;
  for (const b of batches) {
    await database.insertRows(tx, 'vault_records', b.records);
    if (b.changes.length > 0) await database.insertRows(tx, 'vault_changes', b.changes);
    done += b.records.length;
    progress(done / all);
  }
  const order = sortedIndex(batches, indexCount);
  for (let at = 0; at < order.length; at += INDEX_CHUNK) {
    const rows: Insertable<VaultIndexTable>[] = [];
    for (const [b, i] of order.slice(at, at + INDEX_CHUNK)) {
      const batch = batches[b]!;
      const record = batch.records[batch.index.owners[i]!]!;
      rows.push({
        file_id: record.file_id,
        field: batch.index.fields[i]!,
        value: batch.index.values[i]!,
        record_id: record.id,
      });
    }
    await database.insertRows(tx, 'vault_index', rows);
    done += rows.length;
    progress(done / all);
  }
}

/**
 * The index rows of all batches as (batch, row) pairs in primary key order: (field, value), then
 * record (records are time-ordered, batches in order). Sorted as numbers: a field's rank and the
 * value (blind indexes keep at most 24 bits) then the row's position, packed below 2^53.
 */
export function sortedIndex(batches: readonly SealedBatch[], count: number): [number, number][] {
  const names = [...new Set(batches.flatMap((b) => b.index.fields))].sort();
  const rank = new Map(names.map((n, i) => [n, i]));
  const at: [number, number][] = [];
  for (let b = 0; b < batches.length; b += 1)
    for (let i = 0; i < batches[b]!.index.values.length; i += 1) at.push([b, i]);
  // Beyond these the packed key would lose its low bits: written in insertion order instead.
  const packable =
    count < 2 ** 21 &&
    names.length < 2 ** 8 &&
    batches.every((b) => b.index.values.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 24));
  if (!packable) return at;
  const keys = new Float64Array(count);
  let n = 0;
  for (const batch of batches) {
    const { fields, values } = batch.index;
    for (let i = 0; i < values.length; i += 1, n += 1)
      keys[n] = (rank.get(fields[i]!)! * 2 ** 24 + values[i]!) * 2 ** 21 + n;
  }
  keys.sort();
  return Array.from(keys, (k) => at[k % 2 ** 21]!);
}
