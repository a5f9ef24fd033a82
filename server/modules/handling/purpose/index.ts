import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createOutOfPurposeService } from './purpose.service.ts';

export { outOfPurposePolicy } from './purpose.policy.ts';
export { outOfPurposeRoutes } from './purpose.routes.ts';

/**
 * Use or provision outside the purpose (issue 7; A17-2..4, A17の2): requests on one of the four
 * grounds, decided by the 総括保護管理者; A17-4's named staff; A17の2's closed path for My Numbers.
 */
export function createOutOfPurpose(h: HandlingContext) {
  return { ...createOutOfPurposeService(h), jobs: [] as Job[] };
}

export type OutOfPurposeService = ReturnType<typeof createOutOfPurpose>;
