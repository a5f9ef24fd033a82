import type { Policy } from '../../platform/authz/index.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs/index.ts';
import type { ComplianceDeps } from './compliance.deps.ts';
import { compliancePolicy } from './compliance.policy.ts';
import { createOverviewService } from './overview.service.ts';
import { createGapTracker, SUMMARY_PATTERN } from './summary.job.ts';
import { createTrendService } from './trend.service.ts';

export type { ComplianceDeps } from './compliance.deps.ts';
export { complianceRoutes } from './compliance.routes.ts';

/** Every evening at 23:30 in Tokyo: the day's snapshot of the matrix (re-run replaces it). */
export const SNAPSHOT_PATTERN = '30 23 * * *';

/**
 * The compliance overview (issue 10): the 52 units × the rule's articles, green / amber / red from
 * every module's gaps, with drill-down, a trend over time and a scheduled summary of new gaps.
 */
export function createComplianceModule(deps: ComplianceDeps) {
  const overview = createOverviewService(deps);
  const trend = createTrendService(deps, overview);
  const tracker = createGapTracker(deps, overview);
  const jobs: Job[] = [
    {
      name: 'compliance.snapshot',
      pattern: SNAPSHOT_PATTERN,
      timezone: 'Asia/Tokyo',
      // The day's gaps are tracked too, so first-seen days hold on days without a summary.
      run: async () => {
        await tracker.track();
        await trend.take(systemCtx('compliance.snapshot'));
      },
    },
    {
      name: 'compliance.summary',
      pattern: SUMMARY_PATTERN,
      timezone: 'Asia/Tokyo',
      run: async () => void (await tracker.summarise()),
    },
  ];
  return { overview, trend, tracker, jobs };
}

export type ComplianceModule = ReturnType<typeof createComplianceModule>;
export const compliancePolicies: Policy[] = [compliancePolicy];
