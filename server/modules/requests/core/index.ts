import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsDeps } from '../requests.deps.ts';
import type { RequestsCoreApi } from './core.types.ts';
import { createRequestsChanges } from './requests.changes.ts';
import { createRequestsBase } from './requests.core.ts';
import { officesByUnit, publicRequestsPage } from './public-page.ts';
import { createRequestGaps, createRequestReminders } from './requests.jobs.ts';
import { requestsCorePolicy as policy } from './requests.policy.ts';
import { createRequestsIntake } from './requests.intake.ts';
import { createRequestsReading } from './requests.reading.ts';
import { requestsHttp } from './requests.routes.ts';

export type { RequestsCoreApi, SubjectRequestRow } from './core.types.ts';

/**
 * Individuals' requests — the core (issue 12): intake at the receiving office with the identity
 * check and the fee, the statutory periods (法83, 法84, 法94, 法102) with 補正 pauses, extension and
 * the large case, the board by nearest deadline, reminders, the gap request_overdue, the public page
 * of how to request (/register/requests).
 */
export function createRequestsCore(deps: RequestsDeps) {
  const base = createRequestsBase(deps);
  const reading = createRequestsReading(base);
  const intake = createRequestsIntake(base, reading);
  const changes = createRequestsChanges(base, reading);
  const reminders = createRequestReminders(base);
  const api: RequestsCoreApi = {
    deps,
    readable: base.readable,
    handled: base.handled,
    canHandle: base.canHandle,
    transition: base.transition,
    purposeOf: base.purposeOf,
    requester: base.requester,
    content: base.content,
    fileIds: base.fileIds,
    audit: base.audit,
    handlersOf: base.handlersOf,
    periods: base.periods,
    view: reading.view,
    today: base.today,
  };
  const gaps: () => Promise<GapView[]> = createRequestGaps(base);
  const jobs: Job[] = [reminders.job];
  /** /register/requests: how to request, with the published register's receiving offices. */
  async function publicPage(): Promise<string> {
    const [files, names] = await Promise.all([deps.registerFiles(), deps.names()]);
    return publicRequestsPage(deps.config, officesByUnit(files, names.units));
  }
  return {
    ...api,
    list: reading.list,
    offices: reading.offices,
    periodsOf: reading.periods,
    create: intake.create,
    ...changes,
    remind: reminders.remind,
    publicPage,
    gaps,
    jobs,
  };
}

export type RequestsCore = ReturnType<typeof createRequestsCore>;

export const requestsCorePolicy: Policy = policy;

export function requestsCoreRoutes(app: App, core: RequestsCore) {
  requestsHttp(app, core);
}
