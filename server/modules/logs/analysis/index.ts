import type { Policy } from '../../../platform/authz/index.ts';
import { createAccessQueryService } from './access-query.service.ts';
import type { LogAnalysisDeps } from './analysis.deps.ts';
import { logAnalysisPolicy } from './analysis.policy.ts';
import { createReportService } from './report.service.ts';
import { createSettingsService } from './settings.service.ts';
import { weeklyAnalysisJob } from './analysis.job.ts';

export { logAnalysisRoutes } from './analysis.routes.ts';
export type { LogAnalysisDeps } from './analysis.deps.ts';

/**
 * The log analysis (A22-1): rules over the access record, weekly and on-demand reports per section or
 * unit with sign-off, unsigned reports as compliance gaps, and the auditor's questions with export.
 * Wire `gaps` into organisation.gaps.addSource and `job` into the scheduler.
 */
export function createLogAnalysis(deps: LogAnalysisDeps) {
  const settings = createSettingsService(deps);
  const reports = createReportService({ ...deps, settings });
  const access = createAccessQueryService(deps);
  return { settings, reports, access, gaps: reports.gaps, job: weeklyAnalysisJob(reports) };
}

export type LogAnalysis = ReturnType<typeof createLogAnalysis>;
export const logAnalysisPolicies: Policy[] = [logAnalysisPolicy];
