import type { AreaKind } from '../../../shared/api/terminals.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';

export interface TerminalRequirement {
  /** 'handling_area': a terminal of a 取扱区域 (A11の2), e.g. for My Number work. */
  areaKind?: AreaKind;
  /** A terminal of this very area. */
  areaId?: string;
}

/**
 * The guard services call where the rule limits the terminals (A29, A11の2):
 * `await terminals.requireTerminal(ctx, { areaKind: 'handling_area' })`. The request's terminal was
 * resolved when it arrived (signature, stored hash, approval, address ranges); the guard checks it is
 * still approved and of the required area. Otherwise it writes an authz.denied entry (outside any
 * transaction, so it survives the caller's rollback) and throws terminal.required (403).
 */
export function createTerminalGuard(deps: { database: Database; ledger: Ledger }) {
  const db = deps.database.db;
  const terminalFits = createTerminalCheck(deps);
  return async function requireTerminal(ctx: Ctx, required: TerminalRequirement = {}): Promise<void> {
    if (await terminalFits(ctx, required)) return;
    await deps.ledger.audit(db, ctx, {
      type: 'authz.denied',
      subjectType: 'Terminal',
      subjectId: ctx.terminal,
      data: {
        action: 'use_terminal',
        required: { areaKind: required.areaKind ?? null, areaId: required.areaId ?? null },
      },
    });
    throw new AppError('terminal.required');
  };
}

/**
 * Whether the request comes from an approved terminal of the required kind or area, without
 * refusing: for what is shown differently off such a terminal (My Numbers masked, A11の2).
 */
export function createTerminalCheck(deps: { database: Database }) {
  const db = deps.database.db;
  return async function terminalFits(ctx: Ctx, required: TerminalRequirement = {}): Promise<boolean> {
    const row = ctx.terminal
      ? await db
          .selectFrom('terminals as t')
          .innerJoin('terminal_areas as a', 'a.id', 't.area_id')
          .select(['t.status', 't.area_id', 'a.kind', 'a.removed_at'])
          .where('t.id', '=', ctx.terminal)
          .executeTakeFirst()
      : undefined;
    const fits =
      row !== undefined &&
      row.status === 'approved' &&
      row.removed_at === null &&
      (!required.areaKind || row.kind === required.areaKind) &&
      (!required.areaId || row.area_id === required.areaId);
    return fits;
  };
}

export type RequireTerminal = ReturnType<typeof createTerminalGuard>;
