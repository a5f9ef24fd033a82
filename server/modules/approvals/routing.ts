import type { ApprovalLevel } from '../../../shared/api/approvals.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DeputyRow, RequestRow } from './approvals.repo.ts';

/**
 * Who decides a request (ADR 0008 §3): by appointment, never by name. The section's 保護管理者
 * (A6: A12's approvals are theirs), or the unit's 総括保護管理者 where a rule or the kind says so
 * (A5); a deputy named for that level and scope while the period lasts; never the requester.
 */
export const holdsLevel = (
  ctx: Ctx,
  level: ApprovalLevel,
  where: { unit_id: string; section_id: string },
): boolean =>
  ctx.actor.kind === 'person' &&
  ctx.actor.roles.some((r) =>
    level === 'protection_manager'
      ? r.role === 'protection_manager' && r.sectionId === where.section_id
      : r.role === 'chief_protection_manager' && r.unitId === where.unit_id,
  );

/** A deputy appointment in force on a Tokyo date, for the level and scope of a request. */
export const deputyCovers = (
  d: DeputyRow,
  req: Pick<RequestRow, 'level' | 'unit_id' | 'section_id'>,
  today: string,
) =>
  d.revoked_at === null &&
  d.valid_from <= today &&
  today <= d.valid_until &&
  d.level === req.level &&
  d.unit_id === req.unit_id &&
  (d.level === 'chief_protection_manager' || d.section_id === req.section_id);

/**
 * How the caller may decide a request: in their own right ('self'), as a deputy (the id of the
 * deputy appointment, whose holder is named as acted for), or not at all.
 */
export function deciderRight(
  ctx: Ctx,
  req: RequestRow,
  deputies: DeputyRow[],
  today: string,
): { kind: 'self' } | { kind: 'deputy'; deputy: DeputyRow } | null {
  if (ctx.actor.kind !== 'person' || ctx.actor.personId === req.requested_by) return null;
  if (holdsLevel(ctx, req.level as ApprovalLevel, req)) return { kind: 'self' };
  const deputy = deputies.find(
    (d) => d.deputy_id === (ctx.actor as { personId: string }).personId && deputyCovers(d, req, today),
  );
  return deputy ? { kind: 'deputy', deputy } : null;
}
