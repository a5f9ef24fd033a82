import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldDefinition } from '../../../shared/vault/index.ts';
import type { Access, AccessGate } from './access.ts';
import { valueText, type Group } from './record-crypto.ts';
import type { RecordReader } from './record-reader.ts';
import type { Suspensions } from './suspensions.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type RecordRow } from './vault.repo.ts';

/** What a copy holds: the records (all those the grant reaches, or named ones) and the fields. */
export interface ExportChoice {
  /** Null: every active record in the person's scope (A11-2). */
  recordIds: string[] | null;
  fields: string[];
}

export interface ExportedRecords {
  access: Access;
  columns: FieldDefinition[];
  /** One row of cell texts per record, in the order of `columns`. */
  rows: string[][];
  recordIds: string[];
}

const PAGE = 500;

/**
 * Records read for a copy (issue 7; A12(1), A24の2): through the gate with the grant's `export`
 * permission (an approval never widens a grant), only the fields of the grant, 要配慮 ones only with
 * `reveal`, My Numbers only under A7の2/A11の2; every record in scope or named. What is read is
 * logged as ONE access entry listing the records and fields before the caller writes anything.
 */
export function createExportRecords(
  deps: VaultDeps,
  gate: AccessGate,
  reader: RecordReader,
  suspensions: Suspensions,
) {
  const { database, ledger } = deps;

  /** Opens the gate and checks the choice (fields, named records) without reading any value. */
  async function check(ctx: Ctx, fileId: string, purpose: unknown, choice: ExportChoice) {
    const access = await gate.open(ctx, fileId, purpose, 'export');
    const columns = await columnsOf(ctx, access, choice.fields);
    const named = choice.recordIds ? await namedRows(access, choice.recordIds) : null;
    // 法98-1: a named record whose use is stopped for this purpose is refused (and logged).
    if (named)
      await suspensions.guard(
        ctx,
        access,
        named.map((r) => r.id),
        'export',
      );
    return { access, columns, named };
  }

  async function columnsOf(ctx: Ctx, access: Access, keys: string[]): Promise<FieldDefinition[]> {
    const fileId = access.file.row.file_id;
    const defs = [...new Set(keys)].map((k) => access.file.byKey.get(k));
    if (defs.length === 0 || defs.some((d) => !d)) throw new AppError('vault.field_unknown');
    for (const d of defs) {
      if (!access.fields.includes(d!))
        throw await gate.deny(ctx, access.file, fileId, 'export', 'vault.field_not_granted');
      if (d!.sensitivity === 'sensitive' && !access.can('reveal'))
        throw await gate.deny(ctx, access.file, fileId, 'export', 'vault.permission_missing');
      if (d!.sensitivity === 'my_number' && !access.myNumber)
        throw await gate.deny(ctx, access.file, fileId, 'export', access.myNumberRefusal!);
    }
    // The file's order of fields, whatever order they were asked in.
    return access.file.fields.filter((f) => defs.includes(f));
  }

  /** Named records, each in the file, active and in the person's scope; else 404 (ids tell nothing). */
  async function namedRows(access: Access, ids: string[]): Promise<RecordRow[]> {
    const rows: RecordRow[] = [];
    for (const id of [...new Set(ids)]) {
      const row = await vaultRepo.record(database.db, access.file.row.file_id, id);
      if (!row || !access.inScope(row) || row.status !== 'active')
        throw new AppError('vault.record_not_found');
      rows.push(row);
    }
    return rows;
  }

  /**
   * Reads the chosen records and logs them (A22-1) before returning: `log` names the act (type and
   * data of ids and numbers only). A record that fails to authenticate is left out (and logged as
   * vault.integrity_failure by the reader). Throws log.unavailable when the log cannot write.
   */
  async function read(
    ctx: Ctx,
    fileId: string,
    purpose: unknown,
    choice: ExportChoice,
    log: { type: string; data: Record<string, unknown> },
  ): Promise<ExportedRecords> {
    const { access, columns, named } = await check(ctx, fileId, purpose, choice);
    const groups = [...new Set(columns.map((f) => f.sensitivity))] as Group[];
    const rows: string[][] = [];
    const recordIds: string[] = [];
    const take = async (row: RecordRow) => {
      const values = await reader.open(ctx, access, row, groups);
      if (!values) return;
      recordIds.push(row.id);
      rows.push(columns.map((f) => (values[f.key] == null ? '' : valueText(values[f.key]!))));
    };
    if (named) for (const row of named) await take(row);
    else
      for (let after: string | undefined; ;) {
        const page = await vaultRepo.page(database.db, fileId, access.scope, after, PAGE);
        // 法98-1: every record in scope but those whose use is stopped for this purpose.
        const stopped = await suspensions.suspendedFor(
          access.purpose.code,
          page.map((r) => r.id),
        );
        for (const row of page) if (!stopped.has(row.id)) await take(row);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
    const fields = columns.map((f) => f.key);
    await ledger.access(ctx, {
      type: log.type,
      unitId: access.file.row.unit_id,
      sectionId: access.file.row.section_id,
      purpose: access.purpose.label,
      subjectType: 'vault_file',
      subjectId: fileId,
      records: recordIds,
      fields,
      outcome: 'ok',
      myNumber: columns.some((f) => f.sensitivity === 'my_number'),
      data: { purposeCode: access.purpose.code, ...log.data },
    });
    return { access, columns, rows, recordIds };
  }

  return { check, read };
}

export type ExportRecords = ReturnType<typeof createExportRecords>;
