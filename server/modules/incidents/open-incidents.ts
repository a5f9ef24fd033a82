import type { Executor } from '../../platform/db/index.ts';
import { incidentsRepo } from './incidents.repo.ts';
import { parseLoaded, type Loaded } from './incidents.reading.ts';

/** Every open incident with its steps and measures (for the reminders and the gap report). */
export async function loadOpenIncidents(db: Executor): Promise<Loaded[]> {
  const rows = await incidentsRepo.list(db, null, 'open', 5000);
  const loaded: Loaded[] = [];
  for (const row of rows) {
    const [steps, measures] = await Promise.all([
      incidentsRepo.steps(db, [row.id]),
      incidentsRepo.measures(db, [row.id]),
    ]);
    loaded.push(parseLoaded(row, steps, measures));
  }
  return loaded;
}
