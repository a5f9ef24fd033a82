import type { Executor } from '../../platform/db/index.ts';
import { personRepo } from './person.repo.ts';
import { fullName } from './organisation.presenters.ts';

/** Full names of the people referenced by a set of appointments (holder and appointer). */
export async function namesFor(
  db: Executor,
  rows: { person_id: string; appointed_by: string | null }[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.person_id, r.appointed_by]).filter((x): x is string => x !== null)),
  ];
  const people = await personRepo.getMany(db, ids);
  return new Map(people.map((p) => [p.id, fullName(p)]));
}
