import { deputyInput, type DeputyView } from '../../../shared/api/approvals.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ApprovalsDeps } from './approvals.deps.ts';
import { approvalsRepo, type DeputyRow } from './approvals.repo.ts';

/**
 * Deputies (issue 7 "a deputy can act when a manager is absent"; ADR 0008 §3): the section's
 * 保護管理者 names someone (the section's 保護担当者, or another 保護管理者) to decide in their stead
 * for a period; the unit's 総括保護管理者 may name deputies at either level of their unit. Every
 * decision a deputy makes records both names.
 */
export function createDeputiesService(deps: ApprovalsDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;

  const subject = (d: { unit_id: string; section_id: string | null; level: string }) => ({
    unitId: d.unit_id,
    sectionId: d.section_id,
    level: d.level,
  });

  async function present(d: DeputyRow): Promise<DeputyView> {
    const names = await deps.names();
    const today = clock.today();
    return {
      id: d.id,
      deputyId: d.deputy_id,
      deputyName: (await deps.person(d.deputy_id))?.name ?? '',
      level: d.level as DeputyView['level'],
      unitId: d.unit_id,
      sectionId: d.section_id,
      scopeName: d.section_id
        ? `${names.units.get(d.unit_id) ?? ''} ${names.sections.get(d.section_id) ?? ''}`.trim()
        : (names.units.get(d.unit_id) ?? ''),
      validFrom: d.valid_from,
      validUntil: d.valid_until,
      reason: d.reason,
      createdBy: d.created_by,
      inForce: d.revoked_at === null && d.valid_from <= today && today <= d.valid_until,
      revokedAt: d.revoked_at,
    };
  }

  async function create(ctx: Ctx, raw: unknown): Promise<DeputyView> {
    const input = deputyInput.parse(raw);
    const sectionId = input.level === 'protection_manager' ? input.sectionId : null;
    // Who may name first (a refusal says nothing of the people named), then whether it makes sense.
    await authz.assertCan(ctx, 'manage', 'ApprovalDeputy', {
      unitId: input.unitId,
      sectionId,
      level: input.level,
    });
    if (input.level === 'protection_manager' && !sectionId) throw new AppError('approval.deputy_invalid');
    if (input.validFrom > input.validUntil || input.deputyId === actorPersonId(ctx))
      throw new AppError('approval.deputy_invalid');
    const person = await deps.person(input.deputyId);
    if (!person?.active) throw new AppError('approval.deputy_invalid');
    const row: DeputyRow = {
      id: newId(),
      deputy_id: input.deputyId,
      level: input.level,
      unit_id: input.unitId,
      section_id: sectionId,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      reason: input.reason,
      created_at: clock.now().toISOString(),
      created_by: actorPersonId(ctx),
      revoked_at: null,
      revoked_by: null,
    };
    await database.transaction(async (tx) => {
      await approvalsRepo.insertDeputy(tx, row);
      await ledger.audit(tx, ctx, {
        type: 'approval.deputy_named',
        subjectType: 'ApprovalDeputy',
        subjectId: row.id,
        unitId: row.unit_id,
        sectionId: row.section_id,
        data: { deputyId: row.deputy_id, level: row.level, from: row.valid_from, until: row.valid_until },
      });
    });
    return present(row);
  }

  /** Deputies the caller may manage, and those naming the caller. */
  async function list(ctx: Ctx): Promise<{ deputies: DeputyView[] }> {
    const personId = actorPersonId(ctx);
    const rows = await approvalsRepo.deputies(db);
    const visible = rows.filter(
      (d) => d.deputy_id === personId || authz.can(ctx, 'manage', 'ApprovalDeputy', subject(d)),
    );
    return { deputies: await Promise.all(visible.map(present)) };
  }

  async function revoke(ctx: Ctx, id: string): Promise<DeputyView> {
    const d = await approvalsRepo.deputy(db, id);
    if (!d) throw new AppError('approval.deputy_not_found');
    await authz.assertCan(ctx, 'manage', 'ApprovalDeputy', subject(d));
    if (d.revoked_at !== null) return present(d);
    await database.transaction(async (tx) => {
      await approvalsRepo.revokeDeputy(tx, id, clock.now().toISOString(), actorPersonId(ctx));
      await ledger.audit(tx, ctx, {
        type: 'approval.deputy_revoked',
        subjectType: 'ApprovalDeputy',
        subjectId: id,
        unitId: d.unit_id,
        sectionId: d.section_id,
      });
    });
    return present((await approvalsRepo.deputy(db, id))!);
  }

  return { create, list, revoke };
}
