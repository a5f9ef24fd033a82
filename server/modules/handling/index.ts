import type { Policy } from '../../platform/authz/index.ts';
import { correctionsPolicy, createCorrections } from './correction/index.ts';
import { createDisposal, disposalPolicy } from './disposal/index.ts';
import { createExports, exportsPolicy } from './export/index.ts';
import type { HandlingDeps } from './handling.deps.ts';
import { handlingRulesPolicy } from './handling.policy.ts';
import { createMovements, movementsPolicy } from './movements/index.ts';
import { createOutOfPurpose, outOfPurposePolicy } from './purpose/index.ts';
import { createHandlingRules } from './rules/rules.service.ts';
import { createUsageLedger, usageLedgerPolicy } from './usage/index.ts';

export { handlingRoutes } from './handling.routes.ts';
export type { HandlingDeps } from './handling.deps.ts';

/**
 * Handling held information (issue 7; A12–A17, A17の2, A24の2; ADR 0008): the acts beyond looking
 * at records — copying, transmitting, media sent or taken out, correcting, disposing, use outside
 * the purpose — each done through Mamori, approved where the file's rules require (the approval
 * engine, modules/approvals), and recorded; and the usage ledger built from what happened (A16).
 */
export function createHandlingModule(deps: HandlingDeps) {
  const rules = createHandlingRules(deps);
  const h = { ...deps, rules };
  const parts = {
    exports: createExports(h),
    disposal: createDisposal(h),
    corrections: createCorrections(h),
    outOfPurpose: createOutOfPurpose(h),
    movements: createMovements(h),
    usage: createUsageLedger(h),
  };
  return { rules, ...parts, jobs: Object.values(parts).flatMap((p) => p.jobs) };
}

export type HandlingModule = ReturnType<typeof createHandlingModule>;
export const handlingPolicies: Policy[] = [
  handlingRulesPolicy,
  exportsPolicy,
  disposalPolicy,
  correctionsPolicy,
  outOfPurposePolicy,
  movementsPolicy,
  usageLedgerPolicy,
];
