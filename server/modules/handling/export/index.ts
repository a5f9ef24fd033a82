import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createExportsSweep } from './exports.job.ts';
import { createExportsService } from './exports.service.ts';

export { exportsPolicy } from './exports.policy.ts';
export { exportsRoutes } from './exports.routes.ts';

/**
 * Copies and temporary copies (issue 7; A12(1), A24の2): requests, the act that makes an encrypted
 * archive, its download by the holder until it expires, its deletion at expiry by the job, and the
 * holder's confirmation that local copies are deleted, which the manager watches.
 */
export function createExports(h: HandlingContext) {
  const service = createExportsService(h);
  const sweep = createExportsSweep(h, service);
  const jobs: Job[] = [
    {
      name: 'exports-expiry',
      pattern: '*/5 * * * *',
      run: async () => void (await sweep.run()),
    },
  ];
  return { ...service, sweep: sweep.run, jobs };
}

export type ExportsService = ReturnType<typeof createExports>;
