import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { ComplianceModule } from './index.ts';

/**
 * The demo's compliance overview (issue 10): today's gaps are tracked (the new gaps page has content)
 * and today's snapshot taken by the 総括管理者 (E000002); the 30 days before it get a fictional
 * history (more amber cells further back), so the trend shows the organisation catching up.
 * Load it last, after the other modules' demo data, so the matrix shows their gaps.
 */
export async function loadDemoCompliance(
  compliance: ComplianceModule,
  where: {
    ctxOf(employeeNumber: string): Promise<Ctx>;
    personId(employeeNumber: string): string;
    unitId(code: string): string;
    sectionId(path: string): string;
    clock: Clock;
  },
) {
  await compliance.tracker.track();
  await compliance.trend.take(await where.ctxOf('E000002'));
  await compliance.trend.demoHistory(30);
}
