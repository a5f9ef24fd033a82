import {
  grantInput,
  reasonBody,
  type GrantView,
  type RecordScope,
  type VaultPermission,
} from '../../../shared/api/vault.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import { gapAt } from '../organisation/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId, systemCtx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { FileLoader, LoadedFile } from './file-loader.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type GrantRow } from './vault.repo.ts';

/** A11-1 recertification: a grant is reviewed at least this often (and at its end). */
export const REVIEW_EVERY_DAYS = 180;
/** A grant lasts a fiscal year at most; longer needs a new grant. */
const MAX_VALID_DAYS = 366;
/** How long a grant in force is kept per server before it is read again. */
const GRANT_TTL_MS = 1000;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** A grant as the vault applies it. */
export interface GrantInForce {
  id: string;
  permissions: Set<VaultPermission>;
  fields: Set<string> | null;
  scope: RecordScope | null;
}

export function grantState(g: GrantRow, today: string): GrantView['state'] {
  if (g.revoked_at) return 'revoked';
  if (g.valid_until < today) return 'expired';
  // Issue 10 (A10): a lapsed required course suspends the grant until completed again.
  if (g.suspended_at) return 'suspended';
  if (g.valid_from > today) return 'not_yet';
  return g.review_due < today ? 'review_overdue' : 'in_force';
}

/**
 * Grants (A11-1, A11-2): the file's 保護管理者 (or the unit's 総括保護管理者) gives one person the
 * permissions, fields and records their work needs, for a period and a reason. An expired or revoked
 * grant stops working; one whose review is overdue still works but is a compliance gap until reviewed.
 * Every change is an audit event in the same transaction.
 */
export function createGrantsService(deps: VaultDeps, files: FileLoader) {
  const { database, ledger, authz, clock } = deps;

  async function managed(ctx: Ctx, fileId: string, action: 'manage' | 'read_grants'): Promise<LoadedFile> {
    if (!authz.can(ctx, action, 'VaultFile')) await authz.assertCan(ctx, action, 'VaultFile');
    const file = await files.get(fileId);
    await authz.assertCan(ctx, action, 'VaultFile', file.subject);
    return file;
  }

  async function present(g: GrantRow): Promise<GrantView> {
    const person = await deps.person(g.person_id);
    const granter = g.granted_by ? await deps.person(g.granted_by) : null;
    return {
      id: g.id,
      fileId: g.file_id,
      personId: g.person_id,
      personName: person?.name ?? '',
      permissions: JSON.parse(g.permissions) as VaultPermission[],
      fields: g.fields ? (JSON.parse(g.fields) as string[]) : null,
      scope: g.scope ? (JSON.parse(g.scope) as RecordScope) : null,
      validFrom: g.valid_from,
      validUntil: g.valid_until,
      reason: g.reason,
      grantedAt: g.granted_at,
      grantedBy: granter?.name ?? null,
      reviewDue: g.review_due,
      reviewedAt: g.reviewed_at,
      revokedAt: g.revoked_at,
      revokeReason: g.revoke_reason,
      suspendedAt: g.suspended_at,
      suspendedReason: g.suspended_reason,
      state: grantState(g, clock.today()),
    };
  }

  function audit(
    tx: Parameters<typeof ledger.audit>[0],
    ctx: Ctx,
    file: LoadedFile,
    type: string,
    g: GrantRow,
    before?: GrantRow,
  ) {
    const summary = (r: GrantRow) => ({
      personId: r.person_id,
      permissions: JSON.parse(r.permissions) as unknown,
      fields: r.fields ? (JSON.parse(r.fields) as unknown) : null,
      scope: r.scope ? (JSON.parse(r.scope) as unknown) : null,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      reviewDue: r.review_due,
      revoked: r.revoked_at !== null,
    });
    return ledger.audit(tx, ctx, {
      type,
      subjectType: 'vault_grant',
      subjectId: g.id,
      unitId: file.row.unit_id,
      sectionId: file.row.section_id,
      before: before ? summary(before) : undefined,
      after: summary(g),
      reason: g.revoke_reason ?? g.reason,
    });
  }

  async function list(ctx: Ctx, fileId: string): Promise<{ grants: GrantView[] }> {
    await managed(ctx, fileId, 'read_grants');
    const rows = await vaultRepo.grantsOfFile(database.db, fileId);
    return { grants: await Promise.all(rows.map(present)) };
  }

  async function grant(ctx: Ctx, fileId: string, raw: unknown): Promise<GrantView> {
    const file = await managed(ctx, fileId, 'manage');
    const input = grantInput.parse(raw);
    if (input.personId === actorPersonId(ctx)) {
      await ledger.audit(database.db, ctx, {
        type: 'authz.denied',
        subjectType: 'VaultFile',
        subjectId: fileId,
        unitId: file.row.unit_id,
        sectionId: file.row.section_id,
        outcome: 'denied',
        data: { action: 'grant_self' },
      });
      throw new AppError('vault.self_grant');
    }
    const person = await deps.person(input.personId);
    if (!person?.active) throw new AppError('vault.person_not_found');
    // A10 (issue 10): completion of the course required for grants is a precondition (configurable
    // per course by its keeper); the course is named by id only.
    const hold = await deps.trainingHold(input.personId);
    if (hold)
      throw new AppError('training.required', { details: [{ path: 'personId', code: hold.courseId }] });
    if (input.validUntil < input.validFrom || input.validUntil > addDays(input.validFrom, MAX_VALID_DAYS))
      throw new AppError('vault.grant_dates');
    const unknown = (input.fields ?? []).filter((k) => !file.byKey.has(k));
    if (unknown.length > 0)
      throw new AppError('vault.field_unknown', {
        details: unknown.map((k) => ({ path: k, code: 'field_unknown' })),
      });
    if (input.scope?.groups && !file.row.scope_field) throw new AppError('vault.settings_invalid');
    const today = clock.today();
    const row: GrantRow = {
      id: newId(),
      file_id: fileId,
      person_id: input.personId,
      permissions: JSON.stringify([...new Set(input.permissions)]),
      fields: input.fields ? JSON.stringify([...new Set(input.fields)]) : null,
      scope: input.scope ? JSON.stringify(input.scope) : null,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      reason: input.reason,
      granted_at: clock.now().toISOString(),
      granted_by: actorPersonId(ctx),
      review_due: minDate(
        input.validUntil,
        addDays(today > input.validFrom ? today : input.validFrom, REVIEW_EVERY_DAYS),
      ),
      reviewed_at: null,
      reviewed_by: null,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
      suspended_at: null,
      suspended_reason: null,
    };
    await database.transaction(async (tx) => {
      const live = (await vaultRepo.liveGrantsOf(tx, input.personId, today)).filter(
        (g) => g.file_id === fileId,
      );
      if (live.length > 0) throw new AppError('vault.grant_exists');
      await tx.insertInto('vault_grants').values(row).execute();
      await audit(tx, ctx, file, 'vault.grant_created', row);
    });
    forget(row.person_id, fileId);
    return present(row);
  }

  async function grantFor(ctx: Ctx, grantId: string) {
    if (!authz.can(ctx, 'manage', 'VaultFile')) await authz.assertCan(ctx, 'manage', 'VaultFile');
    const g = await vaultRepo.grant(database.db, grantId);
    if (!g) throw new AppError('vault.grant_not_found');
    const file = await managed(ctx, g.file_id, 'manage');
    return { g, file };
  }

  /** A11-1: the 保護管理者 confirms the grant is still needed; the next review is due in 180 days. */
  async function review(ctx: Ctx, grantId: string): Promise<GrantView> {
    const { g, file } = await grantFor(ctx, grantId);
    if (g.revoked_at) throw new AppError('vault.grant_revoked');
    const after: GrantRow = {
      ...g,
      reviewed_at: clock.now().toISOString(),
      reviewed_by: actorPersonId(ctx),
      review_due: minDate(g.valid_until, addDays(clock.today(), REVIEW_EVERY_DAYS)),
    };
    await database.transaction(async (tx) => {
      await tx
        .updateTable('vault_grants')
        .set({ reviewed_at: after.reviewed_at, reviewed_by: after.reviewed_by, review_due: after.review_due })
        .where('id', '=', g.id)
        .execute();
      await audit(tx, ctx, file, 'vault.grant_reviewed', after, g);
    });
    forget(g.person_id, g.file_id);
    return present(after);
  }

  async function revoke(ctx: Ctx, grantId: string, raw: unknown): Promise<GrantView> {
    const { reason } = reasonBody.parse(raw);
    const { g, file } = await grantFor(ctx, grantId);
    if (g.revoked_at) throw new AppError('vault.grant_revoked');
    const after: GrantRow = {
      ...g,
      revoked_at: clock.now().toISOString(),
      revoked_by: actorPersonId(ctx),
      revoke_reason: reason,
    };
    await database.transaction(async (tx) => {
      await tx
        .updateTable('vault_grants')
        .set({ revoked_at: after.revoked_at, revoked_by: after.revoked_by, revoke_reason: reason })
        .where('id', '=', g.id)
        .execute();
      await audit(tx, ctx, file, 'vault.grant_revoked', after, g);
    });
    forget(g.person_id, g.file_id);
    return present(after);
  }

  /**
   * What every vault request asks first, kept for a second per person, file and day: a grant given,
   * reviewed or revoked on this server applies at once (forget), on another within that second, as
   * a file's settings do (file-loader.ts); a new day asks again.
   */
  const recent = new Map<string, { grant: GrantInForce | null; at: number }>();
  const forget = (personId: string, fileId: string) => {
    for (const key of recent.keys())
      if (key.startsWith(`${personId}\u0000${fileId}\u0000`)) recent.delete(key);
  };

  /** The person's grant for the file in force today (review overdue included), or null. */
  async function inForce(personId: string, fileId: string): Promise<GrantInForce | null> {
    const today = clock.today();
    const key = `${personId}\u0000${fileId}\u0000${today}`;
    const hit = recent.get(key);
    if (hit && Date.now() - hit.at < GRANT_TTL_MS) return hit.grant;
    const grant = await readInForce(personId, fileId, today);
    if (recent.size > 10_000) recent.clear();
    recent.set(key, { grant, at: Date.now() });
    return grant;
  }

  async function readInForce(personId: string, fileId: string, today: string): Promise<GrantInForce | null> {
    const g = (await vaultRepo.liveGrantsOf(database.db, personId, today)).find(
      (r) => r.file_id === fileId && r.valid_from <= today,
    );
    if (!g) return null;
    return {
      id: g.id,
      permissions: new Set(JSON.parse(g.permissions) as VaultPermission[]),
      fields: g.fields ? new Set(JSON.parse(g.fields) as string[]) : null,
      scope: g.scope ? (JSON.parse(g.scope) as RecordScope) : null,
    };
  }

  /** The person's live grants (for their list of files). */
  const liveOf = (personId: string) => vaultRepo.liveGrantsOf(database.db, personId, clock.today());

  /** A11-1: a grant in force whose review is overdue is a gap of the file's 保護管理者. */
  async function gaps(): Promise<GapView[]> {
    const overdue = await vaultRepo.overdueGrants(database.db, clock.today());
    if (overdue.length === 0) return [];
    const names = await deps.names();
    const bySection = new Map<string, GapView>();
    for (const g of overdue) {
      const file = await vaultRepo.file(database.db, g.file_id);
      if (!file || bySection.has(file.section_id)) continue;
      bySection.set(
        file.section_id,
        gapAt(names, {
          kind: 'grant_review_overdue',
          role: 'protection_manager',
          scope: 'section',
          unitId: file.unit_id,
          sectionId: file.section_id,
          article: 'A11-1',
        }),
      );
    }
    return [...bySection.values()];
  }

  /**
   * Issue 10 (A10): the people holding grants not revoked nor ended, suspended or not — training
   * checks their required courses, suspends the grants of those lapsed and resumes the others'.
   */
  const holders = () => vaultRepo.grantHolders(database.db, clock.today());

  /** Suspension and resumption are the system's acts (the training job), each an audit event. */
  async function setSuspension(
    personId: string,
    rows: GrantRow[],
    type: 'vault.grant_suspended' | 'vault.grant_resumed',
    courseTitle: string | null,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const ctx = systemCtx('training');
    const at = courseTitle === null ? null : clock.now().toISOString();
    let changed = 0;
    await database.transaction(async (tx) => {
      for (const g of rows) {
        const file = await vaultRepo.file(tx, g.file_id);
        const done = await tx
          .updateTable('vault_grants')
          .set({
            suspended_at: at,
            suspended_reason: courseTitle === null ? null : courseTitle.slice(0, 300),
          })
          .where('id', '=', g.id)
          .where('suspended_at', courseTitle === null ? 'is not' : 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) continue;
        changed++;
        // Ids and codes only (the course's title stays on the grant, not in the ledger).
        await ledger.audit(tx, ctx, {
          type,
          subjectType: 'vault_grant',
          subjectId: g.id,
          unitId: file?.unit_id ?? null,
          sectionId: file?.section_id ?? null,
          data: { personId, fileId: g.file_id, cause: 'training' },
        });
      }
    });
    for (const g of rows) forget(personId, g.file_id);
    return changed;
  }

  /** Issue 10 (A10): a lapsed required course suspends the person's live grants; returns how many. */
  async function suspendFor(personId: string, courseTitle: string): Promise<number> {
    const live = await vaultRepo.liveGrantsOf(database.db, personId, clock.today());
    return setSuspension(personId, live, 'vault.grant_suspended', courseTitle);
  }

  /** Issue 10 (A10): the course completed again, the person's suspended grants work again. */
  async function resumeFor(personId: string): Promise<number> {
    const held = await vaultRepo.suspendedGrantsOf(database.db, personId, clock.today());
    return setSuspension(personId, held, 'vault.grant_resumed', null);
  }

  /** Issue 10 (A10): whether the person's grant on the file is suspended for a lapsed course. */
  async function suspendedOn(personId: string, fileId: string): Promise<boolean> {
    const rows = await vaultRepo.suspendedGrantsOf(database.db, personId, clock.today());
    return rows.some((g) => g.file_id === fileId);
  }

  /** Issue 10 (A10): the units and sections of the files the person holds live grants on. */
  async function sectionsOf(personId: string): Promise<{ unitId: string; sectionId: string }[]> {
    const seen = new Map<string, { unitId: string; sectionId: string }>();
    for (const g of await liveOf(personId)) {
      const file = await vaultRepo.file(database.db, g.file_id);
      if (file) seen.set(file.section_id, { unitId: file.unit_id, sectionId: file.section_id });
    }
    return [...seen.values()];
  }

  return {
    list,
    grant,
    review,
    revoke,
    inForce,
    liveOf,
    gaps,
    present,
    holders,
    suspendFor,
    resumeFor,
    sectionsOf,
    suspendedOn,
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;
