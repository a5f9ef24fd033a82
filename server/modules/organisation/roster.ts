import type { Role } from '../../../shared/roles.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { appointmentRepo } from './appointment.repo.ts';
import { statusOn } from './appointment-term.ts';
import { toTokyoDate } from '../../platform/clock.ts';

/** One active member of staff with the roles they hold today (A3): the audience of training (A10). */
export interface RosterEntry {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  unitId: string;
  sectionId: string | null;
  /** The Tokyo day the person's record was made (a newcomer's training is due from it, A10). */
  joinedOn: string;
  roles: { role: Role; unitId: string | null; sectionId: string | null }[];
}

/**
 * The organisation's public roster: every active person with their current appointments, read in two
 * queries (6,000 staff). Other modules use it to choose audiences and to find who answers for a gap.
 */
export function createRoster(deps: { database: Database; clock: Clock }) {
  return async function roster(): Promise<RosterEntry[]> {
    const db = deps.database.db;
    const today = deps.clock.today();
    const [people, appointments] = await Promise.all([
      db
        .selectFrom('people')
        .select([
          'id',
          'employee_number',
          'family_name',
          'given_name',
          'email',
          'unit_id',
          'section_id',
          'created_at',
        ])
        .where('active', '=', 1)
        .orderBy('employee_number')
        .execute(),
      appointmentRepo.all(db),
    ]);
    const roles = new Map<string, RosterEntry['roles']>();
    for (const a of appointments) {
      if (statusOn(a, today) !== 'current') continue;
      const held = roles.get(a.person_id) ?? [];
      held.push({ role: a.role as Role, unitId: a.unit_id, sectionId: a.section_id });
      roles.set(a.person_id, held);
    }
    return people.map((p) => ({
      id: p.id,
      employeeNumber: p.employee_number,
      name: `${p.family_name} ${p.given_name}`,
      email: p.email,
      unitId: p.unit_id,
      sectionId: p.section_id,
      joinedOn: toTokyoDate(new Date(p.created_at)),
      roles: roles.get(p.id) ?? [],
    }));
  };
}
