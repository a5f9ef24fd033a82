import type { App } from '../../../platform/http/types.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { usageRoutes } from './usage.routes.ts';
import { createUsageService, type UsageService } from './usage.service.ts';

export { usageLedgerPolicy } from './usage.policy.ts';
export type { UsageGap, LedgerSheet } from './usage.service.ts';

/**
 * Issue 7, A16: the usage ledger of each file — a query over the log and the acts (ADR 0008 §8),
 * filterable, downloadable as XLSX and PDF, signed off monthly by the section's 保護管理者. Its
 * `gaps` (a month left unsigned) are for organisation.gaps.addSource (wired in server/app.ts).
 */
export function createUsageLedger(h: HandlingContext) {
  return createUsageService(h);
}

export type UsageLedgerService = UsageService;

export function usageLedgerRoutes(app: App, s: UsageLedgerService) {
  usageRoutes(app, s);
}
