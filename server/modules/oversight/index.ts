import type { EvidenceSource } from '../../../shared/api/evidence.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import type { Job } from '../../platform/jobs/index.ts';
import type { OversightDeps } from './oversight.deps.ts';

export type { OversightDeps } from './oversight.deps.ts';

/**
 * Oversight (issue 10): inspections by 保護管理者 (A37), the yearly evaluation and revision (A38),
 * the committee (A9), guidance from ministries (A39), units' supplementary rules (A40) and
 * historical materials (A41).
 */
export function createOversightModule(deps: OversightDeps) {
  void deps;
  const evidence: { inspection: EvidenceSource; committee_meeting: EvidenceSource } = {
    inspection: () => Promise.resolve([]),
    committee_meeting: () => Promise.resolve([]),
  };
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { evidence, gaps, jobs };
}

export type OversightModule = ReturnType<typeof createOversightModule>;
export const oversightPolicies: Policy[] = [];

export function oversightRoutes(app: App, m: OversightModule) {
  void app;
  void m;
}
