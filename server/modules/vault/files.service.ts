import {
  newSchemaInput,
  openFileInput,
  vaultSettingsInput,
  type Purpose,
  type VaultFileView,
  type VaultPermission,
} from '../../../shared/api/vault.ts';
import { deriveSchema, type FieldDefinition } from '../../../shared/vault/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import { indexBitsFor } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileLoader, LoadedFile } from './file-loader.ts';
import { grantState, type GrantsService } from './grants.service.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type FileRow } from './vault.repo.ts';

type Settings = ReturnType<typeof vaultSettingsInput.parse>;

/** Splits a registered 利用目的 into purposes staff can choose from (the 保護管理者 edits them). */
export function suggestPurposes(registered: string): Purpose[] {
  const parts = registered
    .split(/[。\n]|及び|並びに|、/)
    .map((p) => p.replace(/(のため|に利用する|に利用|を行う)$/u, '').trim())
    .filter((p) => p.length >= 2)
    .slice(0, 10);
  const labels = parts.length > 0 ? parts : [registered.slice(0, 200)];
  return labels.map((label, i) => ({ code: `p${i + 1}`, label: label.slice(0, 200), myNumberAct: false }));
}

/**
 * A file's place in the vault (issue 6): the 保護管理者 opens a registered, computer-processed file
 * (A20-5: a My Number file once approved), with a record schema derived from its 記録項目, the
 * purposes staff choose from (A11-3), whether entries need a second check (A26) and which terminals
 * may reach it (A29, A11の2). Schemas get new versions; existing fields keep their type, sensitivity
 * and search so that what is sealed and indexed stays readable.
 */
export function createFilesService(deps: VaultDeps, files: FileLoader, grants: GrantsService) {
  const { database, ledger, authz, clock } = deps;

  async function facts(fileId: string) {
    const f = await deps.registerFile(fileId);
    if (!f) throw new AppError('vault.file_not_found');
    return f;
  }

  /** Someone who may manage no file at all is refused before anything is looked up (nothing leaks). */
  async function mayManageSome(ctx: Ctx) {
    if (!authz.can(ctx, 'manage', 'VaultFile')) await authz.assertCan(ctx, 'manage', 'VaultFile');
  }
  const assertManage = (ctx: Ctx, subject: LoadedFile['subject']) =>
    authz.assertCan(ctx, 'manage', 'VaultFile', subject);

  function checkSettings(fields: FieldDefinition[], s: Settings) {
    const byKey = new Map(fields.map((f) => [f.key, f]));
    const key = s.keyField ? byKey.get(s.keyField) : null;
    if (s.keyField && (!key || key.searchable !== 'exact')) throw new AppError('vault.settings_invalid');
    if (s.scopeField && !byKey.has(s.scopeField)) throw new AppError('vault.settings_invalid');
    if (new Set(s.purposes.map((p) => p.code)).size !== s.purposes.length)
      throw new AppError('vault.settings_invalid');
  }

  const settingsColumns = (s: Settings) => ({
    purposes: JSON.stringify(s.purposes),
    important: s.important ? 1 : 0,
    terminal_area_kind: s.terminal?.areaKind ?? null,
    terminal_area_id: s.terminal?.areaId ?? null,
    key_field: s.keyField,
    scope_field: s.scopeField,
  });

  function audit(tx: Parameters<typeof ledger.audit>[0], ctx: Ctx, row: FileRow, type: string, data: object) {
    return ledger.audit(tx, ctx, {
      type,
      subjectType: 'vault_file',
      subjectId: row.file_id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      ...data,
    });
  }

  /** A schema and purposes to start from, derived from the register entry (the form fills them in). */
  async function proposal(ctx: Ctx, fileId: string) {
    await mayManageSome(ctx);
    const f = await facts(fileId);
    await assertManage(ctx, { id: f.fileId, unitId: f.unitId, sectionId: f.sectionId });
    const derived = deriveSchema(f.recordItems, { sensitive: f.sensitive, myNumber: f.myNumber });
    return {
      name: f.name,
      registeredPurpose: f.purpose,
      fields: derived.schema.fields,
      warnings: derived.warnings,
      purposes: suggestPurposes(f.purpose),
      important: f.important,
      computer: f.computer,
      mayHoldRecords: f.mayHoldRecords,
      myNumber: f.myNumber,
    };
  }

  async function open(ctx: Ctx, fileId: string, raw: unknown): Promise<VaultFileView> {
    await mayManageSome(ctx);
    const f = await facts(fileId);
    await assertManage(ctx, { id: f.fileId, unitId: f.unitId, sectionId: f.sectionId });
    const input = openFileInput.parse(raw);
    if (!f.computer) throw new AppError('vault.not_computer_file');
    if (!f.mayHoldRecords) throw new AppError('vault.not_registered');
    if (!f.myNumber && input.fields.some((x) => x.sensitivity === 'my_number'))
      throw new AppError('vault.my_number_fields');
    checkSettings(input.fields, input);
    const now = clock.now().toISOString();
    const row: FileRow = {
      file_id: fileId,
      unit_id: f.unitId,
      section_id: f.sectionId,
      schema_version: 1,
      ...settingsColumns(input),
      index_bits: indexBitsFor(input.expectedRecords),
      created_at: now,
      created_by: actorPersonId(ctx),
      updated_at: now,
      updated_by: actorPersonId(ctx),
    };
    await database.transaction(async (tx) => {
      if (await vaultRepo.file(tx, fileId)) throw new AppError('vault.already_open');
      await tx.insertInto('vault_files').values(row).execute();
      await tx
        .insertInto('vault_schemas')
        .values({
          file_id: fileId,
          version: 1,
          definition: JSON.stringify(input.fields),
          created_at: now,
          created_by: actorPersonId(ctx),
        })
        .execute();
      await audit(tx, ctx, row, 'vault.file_opened', {
        after: {
          ...settingsColumns(input),
          fields: input.fields.map((x) => x.key),
          indexBits: row.index_bits,
        },
      });
    });
    return detail(ctx, fileId);
  }

  async function updateSettings(ctx: Ctx, fileId: string, raw: unknown): Promise<VaultFileView> {
    await mayManageSome(ctx);
    const file = await files.get(fileId);
    await assertManage(ctx, file.subject);
    const input = vaultSettingsInput.parse(raw);
    checkSettings(file.fields, input);
    const set = {
      ...settingsColumns(input),
      updated_at: clock.now().toISOString(),
      updated_by: actorPersonId(ctx),
    };
    await database.transaction(async (tx) => {
      await tx.updateTable('vault_files').set(set).where('file_id', '=', fileId).execute();
      // What the settings were: the same columns, read from the row itself.
      const { purposes, important, terminal_area_kind, terminal_area_id, key_field, scope_field } = file.row;
      await audit(tx, ctx, file.row, 'vault.settings_changed', {
        before: { purposes, important, terminal_area_kind, terminal_area_id, key_field, scope_field },
        after: settingsColumns(input),
      });
    });
    files.forget(fileId); // after the commit: nobody caches the old settings again
    return detail(ctx, fileId);
  }

  /** A new schema version: fields may be added, relabelled or reordered, never retyped. */
  async function newSchema(ctx: Ctx, fileId: string, raw: unknown): Promise<VaultFileView> {
    await mayManageSome(ctx);
    const file = await files.get(fileId);
    await assertManage(ctx, file.subject);
    const { fields } = newSchemaInput.parse(raw);
    const next = new Map(fields.map((f) => [f.key, f]));
    for (const old of file.fields) {
      const now = next.get(old.key);
      if (
        now &&
        (now.type !== old.type || now.sensitivity !== old.sensitivity || now.searchable !== old.searchable)
      )
        throw new AppError('vault.schema_incompatible');
    }
    const facts = await deps.registerFile(fileId);
    if (!facts?.myNumber && fields.some((f) => f.sensitivity === 'my_number'))
      throw new AppError('vault.my_number_fields');
    for (const k of [file.row.key_field, file.row.scope_field])
      if (k && !next.has(k)) throw new AppError('vault.settings_invalid');
    const version = file.row.schema_version + 1;
    const now = clock.now().toISOString();
    await database.transaction(async (tx) => {
      await tx
        .insertInto('vault_schemas')
        .values({
          file_id: fileId,
          version,
          definition: JSON.stringify(fields),
          created_at: now,
          created_by: actorPersonId(ctx),
        })
        .execute();
      await tx
        .updateTable('vault_files')
        .set({ schema_version: version, updated_at: now, updated_by: actorPersonId(ctx) })
        .where('file_id', '=', fileId)
        .execute();
      await audit(tx, ctx, file.row, 'vault.schema_changed', {
        before: { version: file.row.schema_version, fields: file.fields.map((f) => f.key) },
        after: { version, fields: fields.map((f) => f.key) },
      });
    });
    files.forget(fileId); // after the commit: nobody caches the old settings again
    return detail(ctx, fileId);
  }

  const isHandler = (ctx: Ctx, sectionId: string) =>
    ctx.actor.kind === 'person' &&
    ctx.actor.roles.some((r) => r.role === 'mynumber_handler' && r.sectionId === sectionId);

  /** The file as the caller may see it: a grant in force, or managing or overseeing it. */
  async function detail(ctx: Ctx, fileId: string): Promise<VaultFileView> {
    const file = await files.find(fileId);
    const personId = actorPersonId(ctx);
    const grantRow =
      personId && file ? (await grants.liveOf(personId)).find((g) => g.file_id === fileId) : undefined;
    const canManage = !!file && authz.can(ctx, 'manage', 'VaultFile', file.subject);
    const oversees = !!file && authz.can(ctx, 'read_grants', 'VaultFile', file.subject);
    if (!file || (!grantRow && !canManage && !oversees)) {
      // A10: a grant suspended for a lapsed course says so.
      const code =
        file && personId && (await grants.suspendedOn(personId, fileId))
          ? 'vault.grant_suspended'
          : 'vault.no_grant';
      if (file)
        await ledger.audit(database.db, ctx, {
          type: 'authz.denied',
          subjectType: 'VaultFile',
          subjectId: fileId,
          unitId: file.row.unit_id,
          sectionId: file.row.section_id,
          outcome: 'denied',
          data: { action: 'read', code },
        });
      throw new AppError(file ? code : 'vault.file_not_found');
    }
    const f = await deps.registerFile(fileId);
    return {
      fileId,
      name: f?.name ?? '',
      unitId: file.row.unit_id,
      sectionId: file.row.section_id,
      registeredPurpose: f?.purpose ?? '',
      schemaVersion: file.row.schema_version,
      fields: file.fields,
      purposes: file.purposes,
      important: file.row.important === 1,
      terminal:
        file.row.terminal_area_kind || file.row.terminal_area_id
          ? {
              ...(file.row.terminal_area_kind
                ? { areaKind: file.row.terminal_area_kind as 'handling_area' | 'general' }
                : {}),
              ...(file.row.terminal_area_id ? { areaId: file.row.terminal_area_id } : {}),
            }
          : null,
      keyField: file.row.key_field,
      scopeField: file.row.scope_field,
      myNumber: f?.myNumber ?? false,
      myGrant:
        grantRow && grantState(grantRow, clock.today()) !== 'not_yet' ? await grants.present(grantRow) : null,
      canManage,
      myNumberHandler: isHandler(ctx, file.row.section_id),
    };
  }

  /** The vault files the caller works with (a grant) or keeps (manages or oversees). */
  async function list(ctx: Ctx) {
    const personId = actorPersonId(ctx);
    const mine = personId ? await grants.liveOf(personId) : [];
    const rows = await vaultRepo.files(database.db);
    const out = [];
    for (const row of rows) {
      const subject = { id: row.file_id, unitId: row.unit_id, sectionId: row.section_id };
      const grant = mine.find((g) => g.file_id === row.file_id && g.valid_from <= clock.today());
      const canManage = authz.can(ctx, 'manage', 'VaultFile', subject);
      if (!grant && !canManage && !authz.can(ctx, 'read_grants', 'VaultFile', subject)) continue;
      const f = await deps.registerFile(row.file_id);
      out.push({
        fileId: row.file_id,
        name: f?.name ?? '',
        unitId: row.unit_id,
        sectionId: row.section_id,
        inVault: true,
        myPermissions: grant ? (JSON.parse(grant.permissions) as VaultPermission[]) : [],
        canManage,
      });
    }
    out.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
    return { files: out };
  }

  return { proposal, open, updateSettings, newSchema, detail, list };
}

export type FilesService = ReturnType<typeof createFilesService>;
