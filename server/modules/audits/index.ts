import type { AuditSummary } from '../../../shared/api/evidence.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import type { Job } from '../../platform/jobs/index.ts';
import type { AuditsDeps } from './audits.deps.ts';

export type { AuditsDeps } from './audits.deps.ts';

/**
 * Audits (issue 10; A36): plans, checklists from the articles in scope, answers with evidence,
 * findings and corrective actions, the report to the 総括保護管理者 with a record of delivery.
 */
export function createAuditsModule(deps: AuditsDeps) {
  void deps;
  /** A38: the audits reported in a period (inputs of the yearly evaluation). */
  const summaries = (from: string, to: string): Promise<AuditSummary[]> => {
    void from;
    void to;
    return Promise.resolve([]);
  };
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { summaries, gaps, jobs };
}

export type AuditsModule = ReturnType<typeof createAuditsModule>;
export const auditsPolicies: Policy[] = [];

export function auditsRoutes(app: App, m: AuditsModule) {
  void app;
  void m;
}
