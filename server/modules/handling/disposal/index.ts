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
  /** Whether a whole file was disposed of (A15): the vault then takes no new records into it. */
  const fileDisposed = async (fileId: string) =>
    (await h.database.db
      .selectFrom('handling_disposals')
      .select('id')
      .where('kind', '=', 'file')
      .where('file_id', '=', fileId)
      .executeTakeFirst()) !== undefined;
  return { ...createDisposalService(h), fileDisposed, jobs: [] as Job[] };
}

export type DisposalService = Service & { fileDisposed(fileId: string): Promise<boolean>; jobs: Job[] };
