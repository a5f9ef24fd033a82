import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import type { Job } from '../../platform/jobs/index.ts';
import type { ComplianceDeps } from './compliance.deps.ts';

export type { ComplianceDeps } from './compliance.deps.ts';

/**
 * The compliance overview (issue 10): the 52 units × the rule's articles, green / amber / red from
 * every module's gaps, with drill-down, a trend over time and a scheduled summary of new gaps.
 */
export function createComplianceModule(deps: ComplianceDeps) {
  void deps;
  const jobs: Job[] = [];
  return { jobs };
}

export type ComplianceModule = ReturnType<typeof createComplianceModule>;
export const compliancePolicies: Policy[] = [];

export function complianceRoutes(app: App, m: ComplianceModule) {
  void app;
  void m;
}
