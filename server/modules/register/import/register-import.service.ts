import type {
  RegisterImportMode,
  RegisterImportPreviewView,
  RegisterImportResultView,
} from '../../../../shared/api/register-import.ts';
import type { OrgStructure } from '../../../../shared/api/organisation.ts';
import type { EntryFields } from '../../../../shared/api/register.ts';
import type { Ctx } from '../../../platform/context.ts';
import { actorPersonId } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RegisterDeps } from '../register.deps.ts';
import { registerRepo } from '../register.repo.ts';
import { newFileRow, newVersionRow } from '../register.rows.ts';
import { COLUMN_JA, digestOf, parseRegisterFile, type ParsedRegisterRow } from './parse-register-file.ts';
import { rowError, type RowError } from './row-errors.ts';

type Organisation = OrgStructure;
type UnitRow = Organisation['units'][number];
type SectionRow = Organisation['sections'][number];

interface CheckedRow extends ParsedRegisterRow {
  unitRow: UnitRow | null;
  sectionRow: SectionRow | null;
  /** The row lies outside what the importer may do (the same check as create or accept). */
  forbidden: boolean;
}

/** For matching names: NFKC, no whitespace, lower case ('東京 ' = '東京', 'ＨＱ' = 'hq'). */
const nameKey = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/**
 * Importing an existing register (A20-1, A20-2): a preview that checks every row and writes nothing,
 * then an import that writes every row in one transaction, or nothing when any row is wrong.
 * - mode `draft` (A20-1): each row becomes a draft of its section, as if the section had drafted it;
 *   the importer must be allowed to draft there (the check of create).
 * - mode `registered` (A20-2): each row becomes an accepted version 1, on the public register unless
 *   exempt — for bringing a register already approved into Mamori; only for someone who may accept
 *   in every unit involved (the 総括管理者). A My Number file still awaits its approval (A20-5).
 * Every file gets the audit events of create (and accept), marked as coming from the import, and the
 * import itself one event.
 */
export function createRegisterImport(deps: RegisterDeps) {
  const { database, ledger, authz, clock } = deps;
  const actionOf = (mode: RegisterImportMode) => (mode === 'registered' ? 'decide' : 'draft');

  /** The unit a cell names by its code, full name or short name. */
  function resolveUnit(org: Organisation, text: string): { unit: UnitRow | null; error: RowError | null } {
    const column = COLUMN_JA.unit;
    if (text === '') return { unit: null, error: rowError(column, 'required') };
    const k = nameKey(text);
    const found = org.units.filter((u) => [u.code, u.name, u.shortName].some((n) => n && nameKey(n) === k));
    if (found.length === 1) return { unit: found[0]!, error: null };
    return { unit: null, error: rowError(column, found.length === 0 ? 'unknown_unit' : 'ambiguous_unit') };
  }

  /**
   * The section of the unit a cell names (by name or id). Without one, the section whose name the
   * 組織の名称 contains — the innermost when a 課 and its 係 both appear ('学生課教務係' → 教務係).
   */
  function resolveSection(
    org: Organisation,
    unit: UnitRow,
    text: string,
    department: string,
  ): { section: SectionRow | null; error: RowError | null } {
    const column = COLUMN_JA.section;
    const own = org.sections.filter((s) => s.unitId === unit.id);
    if (text !== '') {
      const k = nameKey(text);
      const found = own.filter((s) => s.id === text || nameKey(s.name) === k);
      if (found.length === 1) return { section: found[0]!, error: null };
      return {
        section: null,
        error: rowError(column, found.length === 0 ? 'unknown_section' : 'ambiguous_section'),
      };
    }
    const d = nameKey(department);
    const named = own.filter((s) => nameKey(s.name) !== '' && d.includes(nameKey(s.name)));
    const ancestors = new Set<string>();
    for (const s of named) {
      for (let p = s.parentId; p; p = own.find((x) => x.id === p)?.parentId ?? null) ancestors.add(p);
    }
    const innermost = named.filter((s) => !ancestors.has(s.id));
    if (innermost.length === 1) return { section: innermost[0]!, error: null };
    return { section: null, error: rowError(column, 'section_required') };
  }

  /** Someone who may never draft (or accept) is refused before the file is read; the denial is audited. */
  async function gate(ctx: Ctx, mode: RegisterImportMode) {
    const action = actionOf(mode);
    if (!authz.can(ctx, action, 'RegisterFile')) await authz.assertCan(ctx, action, 'RegisterFile');
  }

  /** Reads the file and checks every row: values, unit and section, permission, duplicate names. */
  async function check(ctx: Ctx, bytes: Uint8Array, mode: RegisterImportMode) {
    const action = actionOf(mode);
    const parsed = await parseRegisterFile(bytes);
    if (parsed.rows.length === 0) throw new AppError('register.import_empty');
    const org = await deps.structure();

    const rows: CheckedRow[] = parsed.rows.map((r) => {
      const errors = [...r.errors];
      const { unit, error: unitError } = resolveUnit(org, r.unit);
      if (unitError) errors.push(unitError);
      let section: SectionRow | null = null;
      if (unit) {
        const found = resolveSection(org, unit, r.section, r.department);
        section = found.section;
        if (found.error) errors.push(found.error);
      }
      // A6: files are held by the sections registered as handling personal information.
      if (section && !section.handlesPersonalInfo)
        errors.push(rowError(COLUMN_JA.section, 'section_not_handling'));
      const forbidden =
        !!unit &&
        !!section &&
        !authz.can(ctx, action, 'RegisterFile', { unitId: unit.id, sectionId: section.id });
      if (forbidden) errors.push(rowError(COLUMN_JA.section, 'forbidden_unit'));
      return { ...r, errors, unitRow: unit, sectionRow: section, forbidden };
    });

    // One name per section: within the file, and against the files the section holds (struck ones aside).
    const sectionIds = [...new Set(rows.flatMap((r) => (r.sectionRow ? [r.sectionRow.id] : [])))];
    const held = new Map(
      (await registerRepo.files(database.db, { sectionIds }))
        .filter((f) => f.state !== 'discontinued')
        .map((f) => [f.id, f]),
    );
    const versionIds = [...held.values()].flatMap((f) => {
      const id = f.open_version_id ?? f.current_version_id;
      return id ? [id] : [];
    });
    const taken = new Set(
      (await registerRepo.versionsById(database.db, versionIds)).map(
        (v) => `${held.get(v.file_id)!.section_id}|${nameKey(v.name)}`,
      ),
    );
    const firstLine = new Map<string, number>();
    for (const r of rows) {
      if (!r.sectionRow || r.name === '') continue;
      const key = `${r.sectionRow.id}|${nameKey(r.name)}`;
      const earlier = firstLine.get(key);
      if (earlier !== undefined) r.errors.push(rowError(COLUMN_JA.name, 'duplicate_in_file', earlier));
      else firstLine.set(key, r.line);
      if (taken.has(key)) r.errors.push(rowError(COLUMN_JA.name, 'duplicate_existing'));
    }
    return { parsed, rows };
  }

  /** What the import would write, row by row, with every error. Nothing is written. */
  async function preview(
    ctx: Ctx,
    bytes: Uint8Array,
    mode: RegisterImportMode,
  ): Promise<RegisterImportPreviewView> {
    await gate(ctx, mode);
    const { parsed, rows } = await check(ctx, bytes, mode);
    const invalid = rows.filter((r) => r.errors.length > 0).length;
    return {
      format: parsed.format,
      mode,
      digest: parsed.digest,
      ignoredColumns: parsed.ignoredColumns,
      valid: rows.length - invalid,
      invalid,
      rows: rows.map((r) => ({
        line: r.line,
        unitName: r.unitRow ? r.unitRow.shortName || r.unitRow.name : r.unit,
        sectionName: r.sectionRow?.name ?? r.section,
        name: r.name,
        published: (r.fields?.exemption ?? 'none') === 'none',
        myNumber: r.fields?.myNumber ?? false,
        errors: r.errors,
      })),
    };
  }

  /** Imports the file previewed (same digest): every row in one transaction, or nothing. */
  async function commit(
    ctx: Ctx,
    bytes: Uint8Array,
    digest: string,
    mode: RegisterImportMode,
  ): Promise<RegisterImportResultView> {
    await gate(ctx, mode);
    if (digestOf(bytes) !== digest) throw new AppError('register.import_stale');
    const { parsed, rows } = await check(ctx, bytes, mode);
    // A row the importer may not write is refused as create (or accept) would refuse it: audited.
    const denied = rows.find((r) => r.forbidden);
    if (denied)
      await authz.assertCan(ctx, actionOf(mode), 'RegisterFile', {
        unitId: denied.unitRow!.id,
        sectionId: denied.sectionRow!.id,
      });
    const invalid = rows.filter((r) => r.errors.length > 0);
    if (invalid.length > 0)
      throw new AppError('register.import_has_errors', {
        details: invalid.flatMap((r) =>
          r.errors.map((e) => ({ row: r.line, path: e.column, code: e.code, message: e.message.ja })),
        ),
      });

    const at = clock.now().toISOString();
    const by = actorPersonId(ctx);
    const importId = newId();
    const via = { via: 'register_import', importId };
    const registered = mode === 'registered';
    const fileIds: string[] = [];
    let published = 0;
    await database.transaction(async (tx) => {
      for (const r of rows) {
        const fields: EntryFields = r.fields!;
        const versionId = newId();
        // A20-5: an imported My Number file still awaits the 総括管理者's approval.
        const file = newFileRow({
          id: newId(),
          unitId: r.unitRow!.id,
          sectionId: r.sectionRow!.id,
          versionId,
          myNumber: fields.myNumber,
          at,
          by,
          registered,
        });
        await registerRepo.insertFile(tx, file);
        await registerRepo.insertVersion(
          tx,
          newVersionRow(file.id, versionId, 1, at, by, registered),
          fields,
        );
        // The events of create and accept (register.service.ts), marked as coming from this import.
        const audit = (type: string, after: unknown) =>
          ledger.audit(tx, ctx, {
            type,
            subjectType: 'register_file',
            subjectId: file.id,
            unitId: file.unit_id,
            sectionId: file.section_id,
            after,
            data: via,
          });
        await audit('register.file_drafted', fields);
        if (registered) {
          const isPublished = fields.exemption === 'none';
          if (isPublished) published += 1;
          await audit('register.accepted', {
            version: 1,
            published: isPublished,
            exemption: fields.exemption,
          });
        }
        fileIds.push(file.id);
      }
      // As accept does: the public pages (on every app server) rebuild from the new revision.
      if (registered) await registerRepo.touchPublic(tx, newId(), at);
      await ledger.audit(tx, ctx, {
        type: 'register.imported',
        subjectType: 'register_import',
        subjectId: importId,
        data: {
          mode,
          format: parsed.format,
          digest,
          files: rows.length,
          published,
          units: [...new Set(rows.map((r) => r.unitRow!.id))],
        },
      });
    });
    return { mode, imported: fileIds.length, published, fileIds };
  }

  return { preview, commit };
}

export type RegisterImport = ReturnType<typeof createRegisterImport>;
