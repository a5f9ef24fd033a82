import { createHash } from 'node:crypto';
import {
  VAULT_IMPORT_MAX_ROWS,
  type ImportFieldView,
  type ImportRowError,
} from '../../../../shared/api/vault-import.ts';
import type { FieldDefinition, FieldValue } from '../../../../shared/vault/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { normaliseForIndex } from '../../../platform/crypto/index.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { readSheet, type ImportFormat } from '../../../platform/tabular/index.ts';
import type { Access, AccessGate } from '../access.ts';
import { valueText, type Indexer, type Values } from '../record-crypto.ts';
import type { RecordReader } from '../record-reader.ts';
import type { VaultDeps } from '../vault.deps.ts';
import {
  checkMapping,
  columnMapping,
  suggestMapping,
  type ColumnMapping,
  type MappingProblem,
} from './column-mapping.ts';
import { importRepo } from './import.repo.ts';
import { validateRows } from './validate-rows.ts';

/** One row of the file as it would be stored, with every problem found. */
export interface CheckedRow {
  line: number;
  values: Values;
  errors: ImportRowError[];
}

/** The dry run of an import: what the file holds, how it maps, and what is wrong with which row. */
export interface CheckedImport {
  access: Access;
  format: ImportFormat;
  headings: string[];
  fields: ImportFieldView[];
  /** Every field of the schema → its column or null. */
  mapping: ColumnMapping;
  mappingProblems: MappingProblem[];
  /** Empty when the mapping has problems (rows are read only through a usable mapping). */
  rows: CheckedRow[];
  total: number;
  invalid: number;
  /** Existing records a row duplicates (ids only). */
  duplicates: string[];
  digest: string;
}

export interface CheckInput {
  purpose: unknown;
  bytes: Uint8Array;
  /** The mapping as sent (JSON), or null/undefined for the one the headings suggest. */
  mapping?: unknown;
}

/** The key a duplicate is found by: as the blind index and the search compare values. */
export const keyText = (v: FieldValue): string => normaliseForIndex(valueText(v));

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The checks of a vault import (issue 6), the same for the dry run and the import: the gate with
 * the create permission (A11-1, A11-2, A11-3, A29); a mapping that fills no field outside the
 * person's grant nor a My Number without A7の2/A11の2 (refused and logged, like create); every value
 * parsed as the form parses it (A26); a key repeated within the file or already held by an active
 * or pending record; a record outside the grant's record scope.
 */
export function createImportCheck(
  deps: Pick<VaultDeps, 'database'>,
  gate: AccessGate,
  indexer: Indexer,
  reader: RecordReader,
) {
  function refusalOf(access: Access, f: FieldDefinition): ImportFieldView['refused'] {
    if (!access.fields.includes(f)) return 'not_granted';
    if (f.sensitivity === 'my_number' && !access.myNumber) return 'my_number';
    return null;
  }

  /** The mapping to use: the one sent (refused when it fills a field the person may not), or the suggestion. */
  async function mappingOf(ctx: Ctx, access: Access, headings: string[], raw: unknown) {
    const { fields } = access.file;
    const fileId = access.file.row.file_id;
    if (raw === undefined || raw === null) {
      const open = fields.filter((f) => refusalOf(access, f) === null);
      return {
        given: null,
        mapping: {
          ...Object.fromEntries(fields.map((f) => [f.key, null])),
          ...suggestMapping(open, headings),
        },
      };
    }
    const given = columnMapping.parse(raw);
    for (const [key, column] of Object.entries(given)) {
      const f = access.file.byKey.get(key);
      if (!f || column === null) continue;
      const refusal = refusalOf(access, f);
      if (refusal === 'not_granted')
        throw await gate.deny(ctx, access.file, fileId, 'import', 'vault.field_not_granted');
      if (refusal === 'my_number')
        throw await gate.deny(ctx, access.file, fileId, 'import', access.myNumberRefusal!);
    }
    return { given, mapping: Object.fromEntries(fields.map((f) => [f.key, given[f.key] ?? null])) };
  }

  /** The record scope of the grant (A11-1): a whole file outside it is refused as create refuses. */
  async function scopeCheck(ctx: Ctx, access: Access) {
    const { row } = access.file;
    const unitOutside = access.scope.unitIds && !access.scope.unitIds.includes(row.unit_id);
    const tagsWithoutField = access.scope.tags && !row.scope_field;
    if (unitOutside || tagsWithoutField)
      throw await gate.deny(ctx, access.file, row.file_id, 'import', 'vault.permission_missing');
  }

  /**
   * Marks rows whose key an existing active or pending record holds (`since`: only records changed
   * since then, for the second look inside the import's transaction). Candidates come from the blind
   * index and are confirmed on their decrypted key; a damaged one is logged by the reader and skipped.
   */
  async function existingDuplicates(
    ctx: Ctx,
    db: Executor,
    access: Access,
    rows: CheckedRow[],
    since?: string,
  ): Promise<string[]> {
    const keyField = access.file.row.key_field;
    const def = keyField ? access.file.byKey.get(keyField) : undefined;
    if (!def) return [];
    const fileId = access.file.row.file_id;
    const held = await importRepo.keyedCount(db, fileId, def.key, since);
    if (held === 0) return [];
    const byKey = new Map<string, CheckedRow[]>();
    for (const r of rows) {
      const v = r.values[def.key];
      if (v === null || v === undefined) continue;
      const k = keyText(v);
      const same = byKey.get(k);
      if (same) same.push(r);
      else byKey.set(k, [r]);
    }
    // Few records held: open them all rather than compute an index value per row of the file.
    const lookups =
      held * 4 <= byKey.size
        ? 'all'
        : [
            ...new Set(
              [...byKey.values()].map(
                (same) =>
                  indexer.lookup(
                    fileId,
                    access.file.row.index_bits,
                    def,
                    valueText(same[0]!.values[def.key]!),
                    'exact',
                  ).value,
              ),
            ),
          ];
    const candidates = await importRepo.candidates(db, fileId, def.key, lookups, since);
    const found: string[] = [];
    for (const c of candidates) {
      const values = await reader.open(ctx, access, c, [def.sensitivity]);
      const v = values?.[def.key];
      if (v === null || v === undefined) continue;
      const same = byKey.get(keyText(v));
      if (!same) continue;
      found.push(c.id);
      for (const r of same) r.errors.push({ field: def.key, code: 'duplicate_existing' });
    }
    return found;
  }

  /** Reads and checks the file; throws only for what stops the check itself (gate, file, size). */
  async function check(ctx: Ctx, fileId: string, input: CheckInput): Promise<CheckedImport> {
    const access = await gate.open(ctx, fileId, input.purpose, 'create');
    await scopeCheck(ctx, access);
    const { file } = access;
    const sheet = await readSheet(input.bytes, { invalidFile: 'vault.import_invalid_file' });
    const { given, mapping } = await mappingOf(ctx, access, sheet.headings, input.mapping);
    const mappingProblems = checkMapping(file.fields, sheet.headings, given ?? mapping);
    const total = sheet.records.reduce((n, r) => (isBlank(r.cells) ? n : n + 1), 0);
    if (total === 0) throw new AppError('vault.import_empty');
    if (total > VAULT_IMPORT_MAX_ROWS) throw new AppError('vault.import_too_many');

    let rows: CheckedRow[] = [];
    let duplicates: string[] = [];
    if (mappingProblems.length === 0) {
      rows = validateRows(file.fields, sheet, mapping, {
        keyField: file.row.key_field,
        maxRows: VAULT_IMPORT_MAX_ROWS,
      }).rows;
      markOutsideScope(access, rows);
      duplicates = await existingDuplicates(ctx, deps.database.db, access, rows);
    }
    const fields = file.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      sensitivity: f.sensitivity,
      required: f.required,
      refused: refusalOf(access, f),
    }));
    return {
      access,
      format: sheet.format,
      headings: sheet.headings,
      fields,
      mapping,
      mappingProblems,
      rows,
      total,
      invalid: rows.reduce((n, r) => (r.errors.length > 0 ? n + 1 : n), 0),
      duplicates,
      digest: digestOf(input.bytes, file.fields, mapping, fileId, file.row.schema_version),
    };
  }

  /** A11-1: with a grant scoped to some classes, a row of another class is not the person's to add. */
  function markOutsideScope(access: Access, rows: CheckedRow[]) {
    const { scope_field: scopeField, file_id: fileId, unit_id: unitId } = access.file.row;
    if (!access.scope.tags || !scopeField) return;
    for (const r of rows)
      if (!access.inScope({ unit_id: unitId, scope_tag: indexer.scopeTag(fileId, r.values[scopeField]) }))
        r.errors.push({ field: scopeField, code: 'outside_scope' });
  }

  return { check, existingDuplicates };
}

/** SHA-256 of the file's bytes, the mapping (in schema order), the file and its schema version. */
export function digestOf(
  bytes: Uint8Array,
  fields: readonly FieldDefinition[],
  mapping: ColumnMapping,
  fileId: string,
  schemaVersion: number,
): string {
  const canonical = JSON.stringify([
    fileId,
    schemaVersion,
    fields.map((f) => [f.key, mapping[f.key] ?? null]),
  ]);
  return createHash('sha256').update(bytes).update('\n').update(canonical).digest('hex');
}

export type ImportCheck = ReturnType<typeof createImportCheck>;
