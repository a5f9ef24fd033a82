import type { Policy } from '../../platform/authz/index.ts';
import { createAreaService } from './area.service.ts';
import { createTerminalCheck, createTerminalGuard } from './terminal-guard.ts';
import { createTerminalService } from './terminal.service.ts';
import type { TerminalsDeps } from './terminals.deps.ts';
import { terminalsPolicy } from './terminals.policy.ts';

export { terminalsRoutes } from './terminals.routes.ts';
export { terminalCookieOf } from './terminal-cookie.ts';
export type { TerminalRequirement } from './terminal-guard.ts';

/**
 * The terminals module (A29 端末の限定, A11の2 取扱区域): areas, requests and their approval, the
 * device credential resolved on every request, and `requireTerminal` for services that need one.
 */
export function createTerminalsModule(deps: TerminalsDeps) {
  const areas = createAreaService(deps);
  const terminals = createTerminalService({ ...deps, areas });
  const requireTerminal = createTerminalGuard(deps);
  const terminalFits = createTerminalCheck(deps);
  return { areas, terminals, requireTerminal, terminalFits };
}

export type TerminalsModule = ReturnType<typeof createTerminalsModule>;
export const terminalsPolicies: Policy[] = [terminalsPolicy];
