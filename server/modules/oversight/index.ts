import type { EvidenceSource } from '../../../shared/api/evidence.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { committeeRoutes } from './committee/committee.routes.ts';
import { createCommittee } from './committee/committee.service.ts';
import { createDocuments } from './documents.ts';
import { createEvaluationGaps } from './evaluations/evaluations.gaps.ts';
import { evaluationsRoutes } from './evaluations/evaluations.routes.ts';
import { createEvaluations } from './evaluations/evaluations.service.ts';
import { createHub, hubRoutes } from './hub.ts';
import {
  createInspectionEvidence,
  createInspectionGaps,
  createInspectionReminders,
} from './inspections/inspections.jobs.ts';
import { inspectionsRoutes } from './inspections/inspections.routes.ts';
import { createInspections } from './inspections/inspections.service.ts';
import type { OversightDeps } from './oversight.deps.ts';
import { oversightPolicy } from './oversight.policy.ts';
import { createGuidance } from './records/guidance.service.ts';
import { createHistorical } from './records/historical.service.ts';
import { createLocalRules } from './records/local-rules.service.ts';
import { recordsRoutes } from './records/records.routes.ts';

export type { OversightDeps } from './oversight.deps.ts';

/**
 * Oversight (issue 10): inspections by 保護管理者 (A37), the yearly evaluation and revision (A38),
 * the committee (A9), guidance from ministries (A39), units' supplementary rules (A40) and
 * historical materials (A41).
 */
export function createOversightModule(deps: OversightDeps) {
  const documents = createDocuments(deps);
  const inspections = createInspections(deps);
  const evaluations = createEvaluations(deps);
  const committee = createCommittee(deps, documents);
  const guidance = createGuidance(deps, documents);
  const localRules = createLocalRules(deps, documents);
  const historical = createHistorical(deps);
  const hub = createHub(deps, inspections, evaluations);
  const reminders = createInspectionReminders(deps);
  const evidence: { inspection: EvidenceSource; committee_meeting: EvidenceSource } = {
    inspection: createInspectionEvidence(deps),
    committee_meeting: (scope) => committee.evidence(scope),
  };
  const inspectionGaps = createInspectionGaps(deps);
  const evaluationGaps = createEvaluationGaps(deps);
  const gaps = async (): Promise<GapView[]> => [...(await inspectionGaps()), ...(await evaluationGaps())];
  const jobs: Job[] = [reminders.job];
  return {
    deps,
    inspections,
    evaluations,
    committee,
    guidance,
    localRules,
    historical,
    hub,
    reminders,
    evidence,
    gaps,
    jobs,
  };
}

export type OversightModule = ReturnType<typeof createOversightModule>;
export const oversightPolicies: Policy[] = [oversightPolicy];

export function oversightRoutes(app: App, m: OversightModule) {
  hubRoutes(app, m.hub);
  inspectionsRoutes(app, m.inspections);
  evaluationsRoutes(app, m.evaluations);
  committeeRoutes(app, m.committee);
  recordsRoutes(app, m);
}
