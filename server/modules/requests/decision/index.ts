import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from '../search/index.ts';
import { createDecisionBase } from './decision.base.ts';
import { createDecisionDocuments } from './decision.documents.ts';
import { decisionHttp } from './decision.routes.ts';
import { createDecisionSteps } from './decision.steps.ts';
import { createDecisionView } from './decision.view.ts';

export { DECISION_KIND } from './decision.base.ts';

/**
 * Individuals' requests — the decision on a disclosure request (issue 12; 法78–82, 法87): the items
 * withheld with their grounds (不開示情報, 法78-1 各号), the decision (全部開示, 部分開示, 不開示,
 * 保有していない, 存否応答拒否 法81) approved by the unit's 総括保護管理者 (approval kind
 * disclosure_decision), the notice (PDF), the method the requester chose within its period (法87-3)
 * and the carrying out with the disclosed information (PDF, read through the vault and logged).
 */
export function createRequestsDecision(core: RequestsCore, search: RequestsSearchApi) {
  const base = createDecisionBase(core, search);
  const views = createDecisionView(base);
  const steps = createDecisionSteps(base, views.view);
  const documents = createDecisionDocuments(base);
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return {
    view: views.view,
    recordValues: views.recordValues,
    setWithheld: views.setWithheld,
    submit: steps.submit,
    notice: steps.notice,
    method: steps.method,
    carriedOut: steps.carriedOut,
    noticePdf: documents.notice,
    disclosurePdf: documents.disclosure,
    gaps,
    jobs,
  };
}

export type RequestsDecisionPart = ReturnType<typeof createRequestsDecision>;

/**
 * Who reads and who acts is the core's (SubjectRequest: `read`, `handle`; core.readable and
 * core.handled): readers see the decision and its notice, handlers prepare, submit and record it and
 * read the values. The decision itself is approved in the approval engine by the unit's 総括保護管理者.
 */
export const requestsDecisionPolicy: Policy = () => {};

export function requestsDecisionRoutes(app: App, part: RequestsDecisionPart) {
  decisionHttp(app, part);
}
