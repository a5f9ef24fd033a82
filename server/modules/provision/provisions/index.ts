import type { Policy } from '../../../platform/authz/index.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { createProvisionsApproval } from './provisions.approval.ts';
import { createProvisionsCore } from './provisions.core.ts';
import { createProvisionGaps } from './provisions.gaps.ts';
import { provisionsPolicy } from './provisions.policy.ts';
import { createProvisionsReading } from './provisions.reading.ts';
import { createProvisionRecords } from './provisions.records.ts';
import { createProvisionsService } from './provisions.service.ts';

export { provisionsRoutes } from './provisions.routes.ts';

/**
 * Provision to third parties (issue 9; A17-1, A17-2, A17の2, A18): provisions with their ground,
 * recipient and terms, the written agreement and measures A18 asks, checks and improvement requests,
 * approval through the engine (kind `provision`), and the acts of provision under an active one.
 */
export function createProvisions(h: ProvisionDeps, parties: PartiesModule) {
  const core = createProvisionsCore(h, parties);
  const reading = createProvisionsReading(h, parties, core);
  const service = {
    ...createProvisionsService(h, core),
    ...createProvisionsApproval(h, core),
    ...reading,
  };
  const records = createProvisionRecords(h, core);
  return {
    service,
    records,
    /** The export's check (A18): the active provision of a file to a party on a day, or null. */
    activeFor: service.activeFor,
    /** The export's record of an act, in its transaction. */
    recordActWithin: records.recordActWithin,
    /** For the views: plain summaries of a file's or a party's provisions (no authorisation). */
    byFile: service.byFile,
    byParty: service.byParty,
    gaps: createProvisionGaps(h),
    jobs: [] as Job[],
  };
}
export type ProvisionsModule = ReturnType<typeof createProvisions>;
export const provisionsPolicies: Policy[] = [provisionsPolicy];
