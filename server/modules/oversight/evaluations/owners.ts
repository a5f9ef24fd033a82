import type { OwnerOption } from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import { personOf } from '../common.ts';
import type { OversightDeps } from '../oversight.deps.ts';

/** Who may own an action: active staff (for the keepers' picker). */
export async function ownersFor(deps: OversightDeps, ctx: Ctx): Promise<{ people: OwnerOption[] }> {
  const { authz } = deps;
  const S = 'OversightEvaluation';
  personOf(ctx);
  const structure = await deps.structure();
  const keeps =
    authz.can(ctx, 'keep', S, { unitId: null }) ||
    structure.units.some((u) => authz.can(ctx, 'keep', S, { unitId: u.id }));
  if (!keeps) await authz.assertCan(ctx, 'keep', S);
  const names = await deps.names();
  return {
    people: (await deps.roster()).map((p) => ({
      id: p.id,
      name: p.name,
      employeeNumber: p.employeeNumber,
      unitName: names.units.get(p.unitId) ?? null,
      sectionName: p.sectionId ? (names.sections.get(p.sectionId) ?? null) : null,
    })),
  };
}
