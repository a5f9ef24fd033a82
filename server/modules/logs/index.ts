import type { Policy } from '../../platform/authz/index.ts';
import { createLogExplorer } from './log-explorer.service.ts';
import { createLogStatus } from './log-status.service.ts';
import type { LogsDeps } from './logs.deps.ts';
import { logsPolicy } from './logs.policy.ts';

export { logsRoutes } from './logs.routes.ts';
export { DEFAULT_RETENTION } from './log-status.service.ts';

/** The log module (A22): explorer, status, verification on demand, retention and pruning. */
export function createLogsModule(deps: LogsDeps) {
  return {
    explorer: createLogExplorer(deps),
    status: createLogStatus(deps),
    ledger: deps.ledger,
    database: deps.database,
  };
}

export type LogsModule = ReturnType<typeof createLogsModule>;
export const logsPolicies: Policy[] = [logsPolicy];
