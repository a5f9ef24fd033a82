import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { createBringIns } from './devices.bring-in.ts';
import { createDevicesCore } from './devices.core.ts';
import { createDeviceOverdue } from './devices.jobs.ts';
import { createLoss } from './devices.loss.ts';
import { createMoves, TAKE_OUT_KIND } from './devices.moves.ts';
import { createRegister } from './devices.service.ts';

export { devicesPolicy } from './devices.policy.ts';
export { devicesRoutes } from './devices.routes.ts';

/**
 * Facilities — devices and media (issue 11; A14, A30): the register of terminals and media that hold
 * or process personal information (A14, A30-1), check-out and return in the office, taking out and
 * bringing in with approval (A30-2), loss (an incident at once, A34) and disposal with a witness.
 */
export function createDevices(deps: FacilitiesDeps) {
  const core = createDevicesCore(deps);
  const register = createRegister(deps, core);
  const moves = createMoves(deps, core, register);
  const bringIns = createBringIns(deps, core, register);
  const loss = createLoss(deps, core, register);
  const overdue = createDeviceOverdue(deps, core);
  // A30-2: a take-out is carried out when recorded (approvals.complete); no step of its own on approval.
  deps.approvals.defineKind(TAKE_OUT_KIND, {});
  const gaps = (): Promise<GapView[]> => overdue.gaps();
  const jobs: Job[] = [overdue.job];
  return {
    list: register.list,
    get: register.get,
    create: register.create,
    edit: register.edit,
    moves,
    bringIns,
    loss,
    /** The daily reminder of overdue take-outs (tests call it directly). */
    remindOverdue: overdue.remind,
    /** The demo's 保護管理者 approves a request of this part (A30-2), as the approval engine's decision. */
    approve: async (ctx: Ctx, requestId: string) => {
      const req = await deps.approvals.row(requestId);
      if (req)
        await deps.approvals.decide(ctx, requestId, {
          decision: 'approve',
          comment: '',
          revision: req.revision,
        });
    },
    gaps,
    jobs,
  };
}

export type DevicesPart = ReturnType<typeof createDevices>;
