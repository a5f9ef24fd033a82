import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from '../search/index.ts';
import { createRemediesBase } from './remedies.base.ts';
import { createRemediesPdf } from './remedies.pdf.ts';
import { remediesHttp } from './remedies.routes.ts';
import { createRemediesSteps } from './remedies.steps.ts';
import { createRemediesView } from './remedies.view.ts';

export { REMEDY_KIND } from './remedies.base.ts';

/**
 * Individuals' requests — correction (訂正, 法90–97) and suspension of use (利用停止, 法98–103)
 * (issue 12): the records concerned (confirmed for the parent disclosure) with the fields and values
 * asked for (sealed) or the purposes to stop; the decision approved by the unit's 総括保護管理者
 * (approval kind remedy_decision); on approval the corrections instructed in handling (A13, before
 * and after sealed when applied), the suspensions in force in the vault, the recipients of provided
 * data to tell (法97, 法101); the notice (PDF); the carrying out once all is done.
 */
export function createRequestsRemedies(core: RequestsCore, search: RequestsSearchApi) {
  const base = createRemediesBase(core, search);
  const views = createRemediesView(base);
  const steps = createRemediesSteps(base, views.view);
  const noticePdf = createRemediesPdf(base, views.view);
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return {
    view: views.view,
    setItems: views.setItems,
    submit: steps.submit,
    notice: steps.notice,
    carriedOut: steps.carriedOut,
    noticePdf,
    gaps,
    jobs,
  };
}

export type RequestsRemediesPart = ReturnType<typeof createRequestsRemedies>;

/**
 * Who reads and who acts is the core's (SubjectRequest `read`, `handle`: core.readable, core.handled):
 * readers (the 監査責任者 too) see the remedy without the values asked for; handlers prepare, submit,
 * record the notices and carry it out. The decision is approved in the approval engine by the unit's
 * 総括保護管理者; the corrections are applied in handling by staff with the update grant (A13).
 */
export const requestsRemediesPolicy: Policy = () => {};

export function requestsRemediesRoutes(app: App, part: RequestsRemediesPart) {
  remediesHttp(app, part);
}
