import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { GapView } from '../../../shared/api/organisation.ts';

/** What the compliance overview (issue 10) needs from the platform and other modules (wired in server/app.ts). */
export interface ComplianceDeps extends OversightBaseDeps {
  /** Every gap any module reports today (the organisation's gap service, all sources). */
  allGaps(): Promise<GapView[]>;
}
