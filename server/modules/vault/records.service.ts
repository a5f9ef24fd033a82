import {
  listQuery,
  purposeQuery,
  recordInput,
  revealInput,
  searchInput,
  type RecordView,
} from '../../../shared/api/vault.ts';
import { parseFieldValue, type FieldValue } from '../../../shared/vault/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { actorPersonId } from '../../platform/context.ts';
import { newDataKey } from '../../platform/crypto/index.ts';
import { csvUtf8 } from '../../platform/tabular/index.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { Access, AccessGate } from './access.ts';
import {
  GROUPS,
  keyContext,
  matches,
  prefixTooShort,
  sealValues,
  valueText,
  type Indexer,
  type Values,
} from './record-crypto.ts';
import type { RecordReader } from './record-reader.ts';
import type { Suspensions } from './suspensions.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type RecordRow } from './vault.repo.ts';

const SEARCH_LIMIT = 100;
const CANDIDATE_LIMIT = 2000;

/**
 * Working with records (issue 6): list, search, view, reveal, create, update. Each request passes
 * the gate (grant, purpose, terminal) first; what is read is logged through the verifiable log
 * before it is returned (A22-1), and a log that cannot write refuses the request. Field subsets and
 * record scopes of the grant hold everywhere; 要配慮 fields stay masked until revealed, My Numbers
 * unless the person is a handler on a handling-area terminal with a My Number purpose (A7の2, A11の2).
 */
export function createRecordsService(
  deps: VaultDeps,
  gate: AccessGate,
  reader: RecordReader,
  indexer: Indexer,
  suspensions: Suspensions,
) {
  const { database, ledger, clock, kek } = deps;

  /** Logs what is about to be served (A22-1); throws log.unavailable when the log cannot write. */
  function served(
    ctx: Ctx,
    access: Access,
    type: string,
    records: string[],
    fields: string[],
    data: Record<string, unknown> = {},
  ) {
    return ledger.access(ctx, {
      type,
      unitId: access.file.row.unit_id,
      sectionId: access.file.row.section_id,
      purpose: access.purpose.label,
      subjectType: 'vault_file',
      subjectId: access.file.row.file_id,
      records,
      fields,
      outcome: 'ok',
      myNumber: fields.some((k) => access.file.byKey.get(k)?.sensitivity === 'my_number'),
      data: { purposeCode: access.purpose.code, ...data },
    });
  }

  /** What a reader sees of a record: normal fields of the grant; the others named as masked. */
  function present(access: Access, row: RecordRow, values: Values | null, pending: boolean): RecordView {
    const shown: RecordView['values'] = {};
    const masked: string[] = [];
    if (values)
      for (const f of access.fields) {
        if (f.sensitivity === 'normal') shown[f.key] = values[f.key] ?? null;
        else masked.push(f.key);
      }
    return {
      id: row.id,
      status: row.status as RecordView['status'],
      revision: row.revision,
      unitId: row.unit_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      values: shown,
      masked,
      pendingChange: pending,
      damaged: values === null,
    };
  }

  const normalKeys = (access: Access) =>
    access.fields.filter((f) => f.sensitivity === 'normal').map((f) => f.key);

  async function list(ctx: Ctx, fileId: string, raw: unknown) {
    const q = listQuery.parse(raw);
    const access = await gate.open(ctx, fileId, q.purpose, 'read');
    const rows = await vaultRepo.page(database.db, fileId, access.scope, q.after, q.limit + 1);
    const taken = rows.slice(0, q.limit);
    // 法98-1: records whose use is stopped for this purpose are left out (counted, never named).
    const stopped = await suspensions.suspendedFor(
      access.purpose.code,
      taken.map((r) => r.id),
    );
    const page = taken.filter((r) => !stopped.has(r.id));
    const withheld = await suspensions.withheld(fileId, access.purpose.code, access.scope);
    const values = await Promise.all(page.map((r) => reader.open(ctx, access, r, ['normal'])));
    const pending = await vaultRepo.pendingFor(
      database.db,
      page.map((r) => r.id),
    );
    await served(
      ctx,
      access,
      'vault.records_listed',
      page.map((r) => r.id),
      normalKeys(access),
    );
    return {
      records: page.map((r, i) => present(access, r, values[i]!, pending.has(r.id))),
      next: rows.length > q.limit ? taken[taken.length - 1]!.id : null,
      /** Records of the file in the reader's scope withheld from this purpose (法98-1). */
      withheld,
    };
  }

  /** Exact (or prefix) search through the blind index, confirmed on the decrypted values. */
  async function search(ctx: Ctx, fileId: string, raw: unknown) {
    const input = searchInput.parse(raw);
    const access = await gate.open(ctx, fileId, input.purpose, 'read');
    const def = access.file.byKey.get(input.field);
    if (!def) throw new AppError('vault.field_unknown');
    if (!access.fields.includes(def))
      throw await gate.deny(ctx, access.file, fileId, 'search', 'vault.field_not_granted');
    if (def.searchable === 'none') throw new AppError('vault.field_not_searchable');
    if (def.sensitivity === 'my_number' && !access.myNumber)
      throw await gate.deny(ctx, access.file, fileId, 'search', access.myNumberRefusal!);
    const wanted = def.searchable === 'prefix' ? 'prefix' : 'exact';
    // A whole value is compared as stored (a phone typed with hyphens is kept as digits).
    const parsed = wanted === 'exact' ? parseFieldValue({ ...def, required: false }, input.value) : null;
    const term = parsed?.ok && parsed.value !== null ? valueText(parsed.value) : input.value;
    if (wanted === 'prefix' && prefixTooShort(term)) throw new AppError('vault.search_term_short');
    const candidates = await vaultRepo.byIndex(
      database.db,
      fileId,
      access.scope,
      indexer.lookup(fileId, access.file.row.index_bits, def, term, wanted),
      CANDIDATE_LIMIT,
    );
    // 法98-1: records whose use is stopped for this purpose are never candidates under it.
    const stopped = await suspensions.suspendedFor(
      access.purpose.code,
      candidates.map((r) => r.id),
    );
    const found: { row: RecordRow; values: Values }[] = [];
    for (const row of candidates) {
      if (stopped.has(row.id)) continue;
      const values = await reader.open(ctx, access, row, ['normal', def.sensitivity]);
      if (values && matches(values[def.key], term, wanted)) found.push({ row, values });
      if (found.length >= SEARCH_LIMIT) break;
    }
    const pending = await vaultRepo.pendingFor(
      database.db,
      found.map((f) => f.row.id),
    );
    await served(
      ctx,
      access,
      'vault.records_searched',
      found.map((f) => f.row.id),
      normalKeys(access),
      { field: def.key, mode: wanted },
    );
    return {
      records: found.map((f) => present(access, f.row, f.values, pending.has(f.row.id))),
      next: null,
      withheld: await suspensions.withheld(fileId, access.purpose.code, access.scope),
    };
  }

  /** The record in the file and in the reader's scope, or 404 (ids of others' records tell nothing). */
  async function recordIn(access: Access, recordId: string): Promise<RecordRow> {
    return reachable(access, await vaultRepo.record(database.db, access.file.row.file_id, recordId));
  }

  function reachable(access: Access, row: RecordRow | undefined): RecordRow {
    if (!row || !access.inScope(row) || row.status === 'rejected')
      throw new AppError('vault.record_not_found');
    if (row.status === 'erased') throw new AppError('vault.record_erased');
    return row;
  }

  async function view(ctx: Ctx, fileId: string, recordId: string, raw: unknown): Promise<RecordView> {
    const q = purposeQuery.parse(raw);
    const access = await gate.open(ctx, fileId, q.purpose, 'read');
    const found = await vaultRepo.recordWithPending(database.db, fileId, recordId);
    const row = reachable(access, found?.row);
    await suspensions.guard(ctx, access, [row.id], 'read'); // 法98-1
    const values = await reader.open(ctx, access, row, ['normal']);
    if (!values) throw new AppError('vault.record_damaged');
    await served(ctx, access, 'vault.record_viewed', [row.id], normalKeys(access));
    return present(access, row, values, found!.pending);
  }

  /** Unmasks fields (A11-1 reveal permission; My Numbers only under A7の2/A11の2), logged by name. */
  async function reveal(ctx: Ctx, fileId: string, recordId: string, raw: unknown) {
    const input = revealInput.parse(raw);
    const access = await gate.open(ctx, fileId, input.purpose, 'reveal');
    const defs = [...new Set(input.fields)].map((k) => access.file.byKey.get(k));
    if (defs.some((d) => !d)) throw new AppError('vault.field_unknown');
    for (const d of defs)
      if (!access.fields.includes(d!))
        throw await gate.deny(ctx, access.file, fileId, 'reveal', 'vault.field_not_granted');
    if (defs.some((d) => d!.sensitivity === 'my_number') && !access.myNumber)
      throw await gate.deny(ctx, access.file, fileId, 'reveal', access.myNumberRefusal!);
    const row = await recordIn(access, recordId);
    await suspensions.guard(ctx, access, [row.id], 'reveal'); // 法98-1
    const groups = [...new Set(defs.map((d) => d!.sensitivity))];
    const values = await reader.open(ctx, access, row, groups);
    if (!values) throw new AppError('vault.record_damaged');
    const keys = defs.map((d) => d!.key);
    await served(ctx, access, 'vault.fields_revealed', [row.id], keys);
    return { values: Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as RecordView['values'] };
  }

  /**
   * The values a writer gives, parsed: unknown fields 400, fields outside the grant (or My Numbers
   * outside A7の2) refused, every invalid value named by field (422), never echoed.
   */
  async function parseValues(
    ctx: Ctx,
    access: Access,
    given: Record<string, unknown>,
    action: string,
    requireAll: boolean,
  ): Promise<Values> {
    const keys = Object.keys(given);
    const unknown = keys.filter((k) => !access.file.byKey.has(k));
    if (unknown.length > 0)
      throw new AppError('vault.field_unknown', {
        details: unknown.map((k) => ({ path: k, code: 'field_unknown' })),
      });
    const allowed = new Set(access.fields.map((f) => f.key));
    if (keys.some((k) => !allowed.has(k)))
      throw await gate.deny(ctx, access.file, access.file.row.file_id, action, 'vault.field_not_granted');
    if (keys.some((k) => access.file.byKey.get(k)!.sensitivity === 'my_number') && !access.myNumber)
      throw await gate.deny(ctx, access.file, access.file.row.file_id, action, access.myNumberRefusal!);
    const values: Values = {};
    const details: ErrorDetail[] = [];
    for (const f of access.file.fields) {
      if (!(f.key in given) && !requireAll) continue;
      const r = parseFieldValue(f, given[f.key] ?? null);
      if (r.ok) values[f.key] = r.value;
      else details.push({ path: f.key, code: r.code });
    }
    if (details.length > 0) throw new AppError('vault.invalid_values', { details });
    return values;
  }

  /** Refuses a second record with the same identifying value (学生番号), pending ones included. */
  async function checkDuplicate(ctx: Ctx, access: Access, values: Values, except: string | null) {
    const key = access.file.row.key_field;
    const def = key ? access.file.byKey.get(key) : undefined;
    const value = key ? values[key] : null;
    if (!def || value === null || value === undefined) return;
    const term = valueText(value);
    const rows = await vaultRepo.byIndex(
      database.db,
      access.file.row.file_id,
      {},
      indexer.lookup(access.file.row.file_id, access.file.row.index_bits, def, term, 'exact'),
      CANDIDATE_LIMIT,
      ['active', 'pending'],
    );
    for (const row of rows) {
      if (row.id === except) continue;
      const other = await reader.open(ctx, access, row, [def.sensitivity]);
      if (other && matches(other[def.key], term, 'exact')) throw new AppError('vault.duplicate_key');
    }
  }

  async function create(ctx: Ctx, fileId: string, raw: unknown): Promise<RecordView> {
    const input = recordInput.parse(raw);
    const access = await gate.open(ctx, fileId, input.purpose, 'create');
    const values = await parseValues(ctx, access, input.values, 'create', true);
    const unitId = input.unitId ?? access.file.row.unit_id;
    const scopeField = access.file.row.scope_field;
    const tag = scopeField ? indexer.scopeTag(fileId, values[scopeField]) : null;
    if (!access.inScope({ unit_id: unitId, scope_tag: tag }))
      throw await gate.deny(ctx, access.file, fileId, 'create', 'vault.permission_missing');
    await checkDuplicate(ctx, access, values, null);

    const id = newTimeOrderedId();
    const dataKey = newDataKey();
    const wrapped = await kek.wrap(dataKey, keyContext(fileId, id));
    const now = clock.now().toISOString();
    const important = access.file.row.important === 1;
    const row: RecordRow = {
      id,
      file_id: fileId,
      unit_id: unitId,
      scope_tag: tag,
      schema_version: access.file.row.schema_version,
      status: important ? 'pending' : 'active',
      revision: 1,
      key_wrapped: wrapped.wrapped,
      key_version: wrapped.kekVersion,
      ...sealValues(dataKey, { fileId, recordId: id }, access.file.fields, values),
      index_keys: null, // set with the rows by replaceIndex
      created_at: now,
      created_by: actorPersonId(ctx),
      updated_at: now,
      updated_by: actorPersonId(ctx),
    };
    const set = Object.keys(values).filter((k) => values[k] !== null);
    await database.transaction(async (tx) => {
      await tx.insertInto('vault_records').values(row).execute();
      await vaultRepo.replaceIndex(
        tx,
        fileId,
        id,
        indexer.rows(fileId, access.file.row.index_bits, access.file.fields, values),
      );
      if (important)
        await tx
          .insertInto('vault_changes')
          .values({
            id: newTimeOrderedId(),
            file_id: fileId,
            record_id: id,
            kind: 'create',
            status: 'pending',
            base_revision: 0,
            schema_version: row.schema_version,
            fields: JSON.stringify(set),
            sealed_normal: null,
            sealed_sensitive: null,
            sealed_my_number: null,
            made_at: now,
            made_by: actorPersonId(ctx),
            checked_at: null,
            checked_by: null,
            reason: null,
          })
          .execute();
      await ledger.audit(tx, ctx, {
        type: 'vault.record_created',
        subjectType: 'vault_record',
        subjectId: id,
        unitId: access.file.row.unit_id,
        sectionId: access.file.row.section_id,
        data: { fileId, fields: set, status: row.status, purposeCode: access.purpose.code },
      });
    });
    return present(access, row, values, important);
  }

  /**
   * `within` writes the caller's own rows in the update's transaction (a correction's before and
   * after, A13): the change and what it is for land together or not at all. It learns whether the
   * change waits for a second person's check (A26).
   */
  async function update(
    ctx: Ctx,
    fileId: string,
    recordId: string,
    raw: unknown,
    within?: (tx: Tx, outcome: { pending: boolean }) => Promise<void>,
  ): Promise<RecordView> {
    const input = recordInput.parse(raw);
    const access = await gate.open(ctx, fileId, input.purpose, 'update');
    const row = await recordIn(access, recordId);
    await suspensions.guard(ctx, access, [row.id], 'update'); // 法98-1
    if (row.status !== 'active') throw new AppError('vault.change_pending');
    if (input.revision !== undefined && input.revision !== row.revision)
      throw new AppError('vault.stale_revision');
    if ((await vaultRepo.pendingFor(database.db, [row.id])).size > 0)
      throw new AppError('vault.change_pending');
    const changes = await parseValues(ctx, access, input.values, 'update', false);
    const current = await reader.open(ctx, access, row, [...GROUPS]);
    if (!current) throw new AppError('vault.record_damaged');
    const changed = Object.keys(changes).filter((k) => !sameValue(current[k], changes[k]));
    const merged: Values = { ...current, ...changes };
    if (access.file.row.key_field && changed.includes(access.file.row.key_field))
      await checkDuplicate(ctx, access, merged, row.id);
    const scopeField = access.file.row.scope_field;
    const tag = scopeField ? indexer.scopeTag(fileId, merged[scopeField]) : null;
    if (!access.inScope({ unit_id: row.unit_id, scope_tag: tag }))
      throw await gate.deny(ctx, access.file, fileId, 'update', 'vault.permission_missing');
    if (changed.length === 0) {
      if (within) await database.transaction((tx) => within(tx, { pending: false }));
      return present(access, row, current, false);
    }

    const dataKey = await reader.dataKey(row);
    const now = clock.now().toISOString();
    const important = access.file.row.important === 1;
    await database.transaction(async (tx) => {
      if (important) {
        const changeId = newTimeOrderedId();
        const only = Object.fromEntries(changed.map((k) => [k, changes[k] ?? null]));
        await tx
          .insertInto('vault_changes')
          .values({
            id: changeId,
            file_id: fileId,
            record_id: row.id,
            kind: 'update',
            status: 'pending',
            base_revision: row.revision,
            schema_version: access.file.row.schema_version,
            fields: JSON.stringify(changed),
            ...sealValues(
              dataKey,
              { fileId, recordId: row.id, prefix: `change:${changeId}:` },
              access.file.fields.filter((f) => changed.includes(f.key)),
              only,
            ),
            made_at: now,
            made_by: actorPersonId(ctx),
            checked_at: null,
            checked_by: null,
            reason: null,
          })
          .execute();
      } else {
        const n = await tx
          .updateTable('vault_records')
          .set({
            ...sealValues(dataKey, { fileId, recordId: row.id }, access.file.fields, merged),
            scope_tag: tag,
            schema_version: access.file.row.schema_version,
            revision: row.revision + 1,
            updated_at: now,
            updated_by: actorPersonId(ctx),
          })
          .where('id', '=', row.id)
          .where('revision', '=', row.revision)
          .executeTakeFirst();
        if (Number(n.numUpdatedRows) !== 1) throw new AppError('vault.stale_revision');
        await vaultRepo.replaceIndex(
          tx,
          fileId,
          row.id,
          indexer.rows(fileId, access.file.row.index_bits, access.file.fields, merged),
        );
      }
      await ledger.audit(tx, ctx, {
        type: important ? 'vault.change_submitted' : 'vault.record_updated',
        subjectType: 'vault_record',
        subjectId: row.id,
        unitId: access.file.row.unit_id,
        sectionId: access.file.row.section_id,
        data: { fileId, fields: changed, purposeCode: access.purpose.code },
      });
      if (within) await within(tx, { pending: important });
    });
    const after: RecordRow = important
      ? row
      : { ...row, revision: row.revision + 1, updated_at: now, updated_by: actorPersonId(ctx) };
    return present(access, after, important ? current : merged, important);
  }

  /**
   * The records in the reader's scope as CSV (export permission): the fields of the grant, 要配慮
   * ones only with the reveal permission, My Numbers only under A7の2/A11の2. Every id is logged.
   * Refused (approval.required, logged) where the file's rules need an approval to copy (A12(1)).
   */
  async function exportCsv(
    ctx: Ctx,
    fileId: string,
    raw: unknown,
  ): Promise<{ body: Buffer; filename: string }> {
    const q = purposeQuery.parse(raw);
    const access = await gate.open(ctx, fileId, q.purpose, 'export');
    // A12(1): where the file's rules need an approval to copy, only the approved export copies.
    if (await deps.exportNeedsApproval(fileId))
      throw await gate.deny(ctx, access.file, fileId, 'export', 'approval.required');
    const columns = access.fields.filter(
      (f) =>
        f.sensitivity === 'normal' ||
        (f.sensitivity === 'sensitive' && access.can('reveal')) ||
        (f.sensitivity === 'my_number' && access.myNumber),
    );
    const groups = [...new Set(columns.map((f) => f.sensitivity))];
    const rows: (string | number)[][] = [];
    const ids: string[] = [];
    for (let after: string | undefined; ;) {
      const page = await vaultRepo.page(database.db, fileId, access.scope, after, 500);
      // 法98-1: records whose use is stopped for this purpose are not copied under it.
      const stopped = await suspensions.suspendedFor(
        access.purpose.code,
        page.map((r) => r.id),
      );
      for (const row of page) {
        if (stopped.has(row.id)) continue;
        const values = await reader.open(ctx, access, row, groups);
        if (!values) continue;
        ids.push(row.id);
        rows.push(
          columns.map((f) =>
            values[f.key] === null || values[f.key] === undefined ? '' : valueText(values[f.key]!),
          ),
        );
      }
      if (page.length < 500) break;
      after = page[page.length - 1]!.id;
    }
    await served(
      ctx,
      access,
      'vault.records_exported',
      ids,
      columns.map((f) => f.key),
    );
    return {
      body: csvUtf8({ header: columns.map((f) => f.label), rows }),
      filename: `vault-${fileId.slice(0, 8)}-${clock.today()}.csv`,
    };
  }

  return { list, search, view, reveal, create, update, exportCsv };
}

function sameValue(a: FieldValue | null | undefined, b: FieldValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export type RecordsService = ReturnType<typeof createRecordsService>;
