import type { Policy } from '../../platform/authz/index.ts';
import type { AuditsDeps } from './audits.deps.ts';
import { createAuditsCore } from './audits.core.ts';
import { auditsPolicy } from './audits.policy.ts';
import { createChecklist } from './checklist.ts';
import { createFindings } from './findings.ts';
import { createOverdue } from './overdue.ts';
import { createPlans } from './plans.ts';
import { createReport } from './report.ts';

export type { AuditsDeps } from './audits.deps.ts';
export { auditsRoutes } from './audits.routes.ts';

/**
 * Audits (issue 10; A36): plans, checklists from the articles in scope, answers with evidence,
 * findings and corrective actions, the report to the 総括保護管理者 with a record of delivery.
 */
export function createAuditsModule(deps: AuditsDeps) {
  const core = createAuditsCore(deps);
  const plans = createPlans(core);
  const checklist = createChecklist(core);
  const findings = createFindings(core);
  const report = createReport(core);
  const overdue = createOverdue(deps);
  /** A38: the audits reported in a period (inputs of the yearly evaluation). */
  const summaries = report.summaries;
  /** A36: overdue corrective actions (audit_finding_overdue). */
  const gaps = overdue.gaps;
  const jobs = [overdue.job];
  return { core, plans, checklist, findings, report, overdue, summaries, gaps, jobs };
}

export type AuditsModule = ReturnType<typeof createAuditsModule>;
export const auditsPolicies: Policy[] = [auditsPolicy];
