import type { HandlingContext } from '../handling.deps.ts';
import { createCorrectionsService } from './correction.service.ts';

export { correctionsPolicy } from './correction.policy.ts';
export { correctionsRoutes } from './correction.routes.ts';

/**
 * Correction of errors in held information (issue 7, A13): report on the record, the 保護管理者's
 * instruction through the approval engine, the correction through the vault, the before and after
 * sealed under the record's key. Its job settles corrections waiting for their A26 check.
 */
export function createCorrections(h: HandlingContext) {
  return createCorrectionsService(h);
}

export type CorrectionsService = ReturnType<typeof createCorrections>;
