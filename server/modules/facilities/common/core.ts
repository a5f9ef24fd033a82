import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

/** A row of a facilities register: its id, unit and owning section (authorisation, audit). */
export interface SectionRow {
  id: string;
  unit_id: string;
  section_id: string;
}

/** The authorisation subject of a row: its id, unit and owning section. */
export const subjectOf = (row: SectionRow) => ({
  id: row.id,
  unitId: row.unit_id,
  sectionId: row.section_id,
});

/** The signed-in person acting, or 401 auth.required (facilities' acts are a person's, never the system's). */
export function personOf(ctx: Ctx): string {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
}

/**
 * The audit event of a change to a row of `subjectType` (A22: in the transaction of the change;
 * ids, numbers and codes only in `data`, never a name).
 */
export const auditOf =
  (ledger: FacilitiesDeps['ledger'], subjectType: string) =>
  (tx: Executor, ctx: Ctx, row: SectionRow, type: string, data: Record<string, unknown> = {}) =>
    ledger.audit(tx, ctx, {
      type,
      subjectType,
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      data,
    });
