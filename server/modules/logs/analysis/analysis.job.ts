import type { Job } from '../../../platform/jobs/index.ts';
import type { ReportService } from './report.service.ts';

/** A22-1 「定期に」: every Monday at 06:00 in Tokyo, the previous week of every handling section. */
export const WEEKLY_PATTERN = '0 6 * * 1';

export const weeklyAnalysisJob = (reports: Pick<ReportService, 'runWeekly'>): Job => ({
  name: 'log-analysis.weekly',
  pattern: WEEKLY_PATTERN,
  timezone: 'Asia/Tokyo',
  leaseMs: 60 * 60_000,
  run: async () => {
    await reports.runWeekly();
  },
});
