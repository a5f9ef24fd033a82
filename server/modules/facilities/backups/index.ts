import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

/** Facilities — backups (issue 11; A27). Skeleton: the helper who owns this folder fills it. */
export function createBackups(deps: FacilitiesDeps) {
  void deps;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type BackupsPart = ReturnType<typeof createBackups>;

export const backupsPolicy: Policy = () => undefined;

export function backupsRoutes(app: App, part: BackupsPart) {
  void app;
  void part;
}
