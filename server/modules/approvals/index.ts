import type { Policy } from '../../platform/authz/index.ts';
import { systemCtx } from '../../platform/context.ts';
import type { ApprovalsDeps } from './approvals.deps.ts';
import { approvalsPolicy } from './approvals.policy.ts';
import { createApprovalsService } from './approvals.service.ts';
import { createDeputiesService } from './deputies.service.ts';
import { createNotifications } from './notifications.service.ts';

export { approvalsRoutes } from './approvals.routes.ts';
export type { ApprovalsDeps } from './approvals.deps.ts';
export type { ApprovalsService, KindHooks, SubmitInput } from './approvals.service.ts';
export type { RequestRow } from './approvals.repo.ts';
export type { Notifications } from './notifications.service.ts';
export { fiscalYear } from './approvals.service.ts';

/**
 * The approval engine (issue 7, ADR 0008): used by every act of handling (A12–A17) and by later
 * modules (provision, outsourcing, individuals' requests). Its jobs expire requests and send mail.
 */
export function createApprovalsModule(deps: ApprovalsDeps) {
  const notifications = createNotifications(deps);
  const approvals = createApprovalsService(deps, notifications);
  const deputies = createDeputiesService(deps);
  const jobs = [
    {
      name: 'approvals-expiry',
      pattern: '*/10 * * * *',
      run: async () => void (await approvals.expireDue(systemCtx('approvals-expiry'))),
    },
    {
      name: 'notifications-mail',
      pattern: '* * * * *',
      run: async () => void (await notifications.flush()),
    },
  ];
  return { approvals, deputies, notifications, jobs };
}

export type ApprovalsModule = ReturnType<typeof createApprovalsModule>;
export const approvalsPolicies: Policy[] = [approvalsPolicy];
