import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createDisposalService, type DisposalService as Service } from './disposal.service.ts';

export { disposalPolicy } from './disposal.policy.ts';
export { disposalRoutes } from './disposal.routes.ts';

/**
 * Disposal (issue 7, A15; ADR 0008 §7): records and files erased by destroying their data keys,
 * media disposed with method and witness, each on an approved request, certified by a 廃棄証明書.
 */
export function createDisposal(h: HandlingContext) {
  return { ...createDisposalService(h), jobs: [] as Job[] };
}

export type DisposalService = Service & { jobs: Job[] };
