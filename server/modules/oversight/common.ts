import type { PersonRef } from '../../../shared/api/oversight.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { OversightDeps } from './oversight.deps.ts';

/** The caller's person id, or auth.required. */
export function personOf(ctx: Ctx): string {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
}

/** People as the views show them: from the roster (active staff), else from their facts. */
export function directory(deps: OversightDeps) {
  let roster: Promise<Map<string, PersonRef>> | null = null;
  const load = () =>
    (roster ??= deps
      .roster()
      .then(
        (r) => new Map(r.map((p) => [p.id, { id: p.id, name: p.name, employeeNumber: p.employeeNumber }])),
      ));
  return async (id: string | null): Promise<PersonRef | null> => {
    if (!id) return null;
    const known = (await load()).get(id);
    if (known) return known;
    const p = await deps.person(id);
    return p ? { id, name: p.name, employeeNumber: null } : null;
  };
}
export type Directory = ReturnType<typeof directory>;

/** An audit event of oversight (ids, numbers and codes only), in the caller's transaction. */
export function auditOf(deps: OversightDeps) {
  return (
    tx: Executor,
    ctx: Ctx,
    type: string,
    subject: { type: string; id: string; unitId?: string | null; sectionId?: string | null },
    data: Record<string, unknown> = {},
  ) =>
    deps.ledger.audit(tx, ctx, {
      type,
      subjectType: subject.type,
      subjectId: subject.id,
      unitId: subject.unitId ?? null,
      sectionId: subject.sectionId ?? null,
      outcome: 'ok',
      data,
    });
}

/** The fiscal year (年度, from 1 April) of a day YYYY-MM-DD. */
export const fiscalYearOf = (day: string): number => {
  const y = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? y : y - 1;
};

/** YYYY-MM-DD plus whole months (the last day of a shorter month when the day does not exist). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
