import type { ImportPreviewView } from '../../../../shared/api/organisation.ts';
import { personInput } from '../../../../shared/api/organisation.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../organisation.deps.ts';
import type { OrganisationServices } from '../index.ts';
import { personRepo, type PersonRow } from '../person.repo.ts';
import { sectionRepo } from '../section.repo.ts';
import { unitRepo } from '../unit.repo.ts';
import { parseStaffCsv, STAFF_CSV_LABELS_JA, type ParsedStaffRow } from './parse-staff-csv.ts';

type Action = 'create' | 'update' | 'unchanged';
interface RowError {
  column: string;
  code: string;
  message: string;
}
interface CheckedRow extends Omit<ParsedStaffRow, 'errors'> {
  errors: RowError[];
  action: Action;
  unitId: string | null;
  sectionId: string | null;
  existing: PersonRow | undefined;
}

const PERSON_FIELDS = [
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'email',
  'kind',
  'title',
  'unit_id',
  'section_id',
] as const;

/**
 * Staff import from CSV (A3): a preview that writes nothing, then an import that writes every row in
 * one transaction, or nothing at all when any row is wrong.
 */
export function createStaffImport(deps: OrganisationDeps & { organisation: OrganisationServices }) {
  const { database, ledger, authz, clock } = deps;

  /** Parses and checks every row against the organisation: units, sections, permissions, existing people. */
  async function check(ctx: Ctx, db: Executor, bytes: Uint8Array) {
    await authz.assertCan(ctx, 'import', 'Person');
    const parsed = parseStaffCsv(bytes);
    const units = new Map((await unitRepo.list(db)).map((u) => [u.code.toLowerCase(), u]));
    const sections = await sectionRepo.list(db);
    const existing = new Map(
      (
        await personRepo.byEmployeeNumbers(
          db,
          parsed.rows.map((r) => r.values.employeeNumber).filter(Boolean),
        )
      ).map((p) => [p.employee_number, p]),
    );

    const rows: CheckedRow[] = parsed.rows.map((r) => {
      const errors: RowError[] = [...r.errors];
      const unit = r.values.unitCode ? units.get(r.values.unitCode.toLowerCase()) : undefined;
      if (r.values.unitCode && !unit)
        errors.push({
          column: STAFF_CSV_LABELS_JA.unitCode,
          code: 'unknown_unit',
          message: '学校等コードが登録されていません',
        });
      if (unit && !authz.can(ctx, 'import', 'Person', { unitId: unit.id })) {
        errors.push({
          column: STAFF_CSV_LABELS_JA.unitCode,
          code: 'forbidden_unit',
          message: 'この学校等の職員を取り込む権限がありません',
        });
      }
      const section =
        unit && r.values.sectionName
          ? sections.find((s) => s.unit_id === unit.id && s.name === r.values.sectionName)
          : undefined;
      if (unit && r.values.sectionName && !section)
        errors.push({
          column: STAFF_CSV_LABELS_JA.sectionName,
          code: 'unknown_section',
          message: '課等がこの学校等に登録されていません',
        });
      const person = existing.get(r.values.employeeNumber);
      if (
        person &&
        person.unit_id !== unit?.id &&
        unit &&
        !authz.can(ctx, 'import', 'Person', { unitId: person.unit_id })
      ) {
        errors.push({
          column: STAFF_CSV_LABELS_JA.unitCode,
          code: 'forbidden_unit',
          message: 'この職員の現在の学校等を変更する権限がありません',
        });
      }
      const checked: CheckedRow = {
        ...r,
        errors,
        action: 'create',
        unitId: unit?.id ?? null,
        sectionId: section?.id ?? null,
        existing: person,
      };
      checked.action = person ? (changesOf(checked).length > 0 ? 'update' : 'unchanged') : 'create';
      return checked;
    });
    return { parsed, rows };
  }

  function changesOf(r: CheckedRow): (typeof PERSON_FIELDS)[number][] {
    if (!r.existing) return [];
    const next = rowValues(r);
    return PERSON_FIELDS.filter(
      (f) => (r.existing![f] ?? null) !== (next[f] ?? null) || r.existing!.active !== 1,
    );
  }

  const rowValues = (r: CheckedRow) => ({
    family_name: r.values.familyName,
    given_name: r.values.givenName,
    family_name_kana: r.values.familyNameKana,
    given_name_kana: r.values.givenNameKana,
    email: r.values.email,
    kind: r.values.kind ?? 'staff',
    title: r.values.title,
    unit_id: r.unitId ?? '',
    section_id: r.sectionId,
  });

  /** What the import would do, row by row. Nothing is written. */
  async function preview(ctx: Ctx, bytes: Uint8Array): Promise<ImportPreviewView> {
    const { parsed, rows } = await check(ctx, database.db, bytes);
    const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
    for (const r of rows) {
      if (r.errors.length > 0) counts.invalid += 1;
      else counts[r.action] += 1;
    }
    return {
      encoding: parsed.encoding,
      digest: parsed.digest,
      counts,
      rows: rows.map((r) => ({
        row: r.row,
        employeeNumber: r.values.employeeNumber,
        name: `${r.values.familyName} ${r.values.givenName}`.trim(),
        unit: r.values.unitCode,
        section: r.values.sectionName ?? '',
        action: r.action,
        errors: r.errors.map((e) => ({ column: e.column, code: e.code, message: e.message })),
      })),
    };
  }

  /** Imports the file previewed (same digest); all rows or none. */
  async function commit(ctx: Ctx, bytes: Uint8Array, digest: string) {
    const { parsed, rows } = await check(ctx, database.db, bytes);
    if (parsed.digest !== digest) throw new AppError('import.preview_expired');
    const invalid = rows.filter((r) => r.errors.length > 0);
    if (invalid.length > 0) {
      throw new AppError('import.rows_invalid', {
        details: invalid.flatMap((r) =>
          r.errors.map((e) => ({ row: r.row, path: e.column, code: e.code, message: e.message })),
        ),
      });
    }
    return database.transaction(async (tx) => {
      const result = { created: 0, updated: 0, unchanged: 0 };
      for (const r of rows) {
        if (r.action === 'create') {
          const input = personInput.parse({
            ...r.values,
            kind: r.values.kind,
            unitId: r.unitId,
            sectionId: r.sectionId,
          });
          await deps.organisation.people.insert(tx, ctx, input);
          result.created += 1;
        } else if (r.action === 'update') {
          const before = r.existing!;
          await personRepo.update(tx, before.id, {
            ...rowValues(r),
            active: 1,
            updated_at: clock.now().toISOString(),
          });
          const after = await personRepo.get(tx, before.id);
          await ledger.audit(tx, ctx, {
            type: 'organisation.person.updated',
            subjectType: 'Person',
            subjectId: before.id,
            before,
            after,
            data: { via: 'staff_import' },
          });
          result.updated += 1;
        } else result.unchanged += 1;
      }
      await ledger.audit(tx, ctx, {
        type: 'organisation.staff_import.committed',
        subjectType: 'StaffImport',
        subjectId: null,
        data: { digest, encoding: parsed.encoding, ...result },
      });
      return result;
    });
  }

  return { preview, commit };
}

export type StaffImport = ReturnType<typeof createStaffImport>;
