import type { Purpose, VaultPermission } from '../../../shared/api/vault.ts';
import { purposeCode } from '../../../shared/api/vault.ts';
import type { FieldDefinition } from '../../../shared/vault/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { FileLoader, LoadedFile } from './file-loader.ts';
import type { GrantInForce, GrantsService } from './grants.service.ts';
import type { VaultDeps } from './vault.deps.ts';
import type { ScopeFilter } from './vault.repo.ts';
import type { RecordRow } from './vault.repo.ts';

/** What one request may do with one file: decided before any record is read. */
export interface Access {
  file: LoadedFile;
  /** Null for the system actor (CLI import), which no grant limits. */
  grant: GrantInForce | null;
  purpose: Purpose;
  /** The fields within the grant (all when it names none). */
  fields: FieldDefinition[];
  /** A7の2, A11の2: a handler of the file's section, on a handling-area terminal, for a My Number purpose. */
  myNumber: boolean;
  /** Why My Numbers stay masked, when they do. */
  myNumberRefusal: ErrorCode | null;
  scope: ScopeFilter;
  can(permission: VaultPermission): boolean;
  inScope(row: Pick<RecordRow, 'unit_id' | 'scope_tag'>): boolean;
}

/**
 * The gate of every vault request (A11-1, A11-2, A11-3, A29, A7の2): the file, the person's grant in
 * force with the permission asked for, a purpose from the file's registered purposes, and the
 * file's terminal requirement. Every refusal is written to the log before it is answered.
 */
export function createAccessGate(
  deps: VaultDeps,
  files: FileLoader,
  grants: GrantsService,
  scopeTags: (fileId: string, groups: string[]) => string[],
) {
  async function deny(ctx: Ctx, file: LoadedFile | null, fileId: string, action: string, code: ErrorCode) {
    await deps.ledger.audit(deps.database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'VaultFile',
      subjectId: fileId,
      unitId: file?.row.unit_id ?? null,
      sectionId: file?.row.section_id ?? null,
      outcome: 'denied',
      data: { action, code },
    });
    return new AppError(code);
  }

  async function open(
    ctx: Ctx,
    fileId: string,
    purposeRaw: unknown,
    permission: VaultPermission,
  ): Promise<Access> {
    const file = await files.find(fileId);
    if (!file) throw await deny(ctx, null, fileId, permission, 'vault.file_not_found');
    // A15: a file disposed of as a whole takes no new records.
    if (permission === 'create' && (await deps.fileDisposed(fileId)))
      throw await deny(ctx, file, fileId, permission, 'vault.file_disposed');
    let grant: GrantInForce | null = null;
    if (ctx.actor.kind === 'person') {
      grant = await grants.inForce(ctx.actor.personId, fileId);
      if (!grant) {
        // A10: a grant suspended for a lapsed course says so (the person knows what to do).
        const suspended = await grants.suspendedOn(ctx.actor.personId, fileId);
        throw await deny(
          ctx,
          file,
          fileId,
          permission,
          suspended ? 'vault.grant_suspended' : 'vault.no_grant',
        );
      }
      if (!grant.permissions.has(permission))
        throw await deny(ctx, file, fileId, permission, 'vault.permission_missing');
    }
    const code = purposeCode.safeParse(purposeRaw);
    const purpose = code.success ? file.purposes.find((p) => p.code === code.data) : undefined;
    if (!purpose) throw await deny(ctx, file, fileId, permission, 'vault.purpose_not_registered');
    const terminal = terminalRequirement(file);
    if (terminal) await deps.requireTerminal(ctx, terminal);

    const fields = grant?.fields ? file.fields.filter((f) => grant.fields!.has(f.key)) : file.fields;
    const myNumberRefusal = await myNumberCheck(ctx, file, purpose, grant);
    const scope: ScopeFilter = {
      ...(grant?.scope?.unitIds ? { unitIds: grant.scope.unitIds } : {}),
      ...(grant?.scope?.groups ? { tags: scopeTags(fileId, grant.scope.groups) } : {}),
    };
    return {
      file,
      grant,
      purpose,
      fields,
      myNumber: myNumberRefusal === null,
      myNumberRefusal,
      scope,
      can: (p) => grant === null || grant.permissions.has(p),
      inScope: (row) =>
        (!scope.unitIds || (row.unit_id !== null && scope.unitIds.includes(row.unit_id))) &&
        (!scope.tags || (row.scope_tag !== null && scope.tags.includes(row.scope_tag))),
    };
  }

  /** Null when the request may see My Numbers; otherwise the reason they stay masked. */
  async function myNumberCheck(
    ctx: Ctx,
    file: LoadedFile,
    purpose: Purpose,
    grant: GrantInForce | null,
  ): Promise<ErrorCode | null> {
    if (ctx.actor.kind === 'system') return null;
    if (!purpose.myNumberAct) return 'vault.purpose_not_my_number';
    const handler = ctx.actor.roles.some(
      (r) => r.role === 'mynumber_handler' && r.sectionId === file.row.section_id,
    );
    if (!handler || !grant?.permissions.has('reveal')) return 'vault.not_my_number_handler';
    const area = file.row.terminal_area_id
      ? { areaId: file.row.terminal_area_id }
      : { areaKind: 'handling_area' as const };
    if (!(await deps.terminalFits(ctx, area))) return 'vault.not_my_number_handler';
    return null;
  }

  return { open, deny };
}

export function terminalRequirement(file: LoadedFile) {
  const { terminal_area_kind: kind, terminal_area_id: id } = file.row;
  if (!kind && !id) return null;
  return {
    ...(kind ? { areaKind: kind as 'handling_area' | 'general' } : {}),
    ...(id ? { areaId: id } : {}),
  };
}

export type AccessGate = ReturnType<typeof createAccessGate>;
