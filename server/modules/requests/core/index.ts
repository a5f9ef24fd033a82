import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsDeps } from '../requests.deps.ts';
import type { RequestsCoreApi } from './core.types.ts';

export type { RequestsCoreApi, SubjectRequestRow } from './core.types.ts';

const todo = (): never => {
  throw new Error('not written yet (issue 12, core helper)');
};

/**
 * Individuals' requests — the core (issue 12): intake at the receiving office with the identity
 * check and the fee, the statutory periods (法83, 法84, 法94, 法102) with 補正 pauses, extension and
 * the large case, the board by nearest deadline, reminders, the gap request_overdue, the public page
 * of how to request (/register/requests). STUB: the core helper writes it; the exported names and
 * RequestsCoreApi (core.types.ts) stay.
 */
export function createRequestsCore(deps: RequestsDeps): RequestsCoreApi & {
  gaps: () => Promise<GapView[]>;
  jobs: Job[];
} {
  return {
    deps,
    readable: todo,
    handled: todo,
    canHandle: todo,
    transition: todo,
    purposeOf: todo,
    requester: todo,
    content: todo,
    fileIds: todo,
    audit: todo,
    handlersOf: todo,
    periods: todo,
    view: todo,
    today: todo,
    gaps: () => Promise.resolve([]),
    jobs: [],
  };
}

export type RequestsCore = ReturnType<typeof createRequestsCore>;

export const requestsCorePolicy: Policy = () => {};

export function requestsCoreRoutes(_app: App, _core: RequestsCore) {}
