import type { Policy } from '../../platform/authz/index.ts';
import { createAppointmentService } from './appointment.service.ts';
import { createGapService } from './gap.service.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { createPersonService } from './person.service.ts';
import { createRoster } from './roster.ts';
import { createSectionService } from './section.service.ts';
import { createUnitService } from './unit.service.ts';

export { organisationRoutes } from './organisation.routes.ts';
export type { RosterEntry } from './roster.ts';
export { gapAt, type GapNames, type GapPlace } from './gap-view.ts';

/** The organisation module (A3–A9, A7の2): units, sections, people, appointments and the gap view. */
export function createOrganisationModule(deps: OrganisationDeps) {
  const appointments = createAppointmentService(deps);
  const gaps = createGapService(deps);
  const units = createUnitService({ ...deps, gaps, appointments });
  const sections = createSectionService({ ...deps, units, appointments });
  const people = createPersonService({ ...deps, appointments });
  // Issue 10: active staff with their current roles (training audiences, who answers for a gap).
  const roster = createRoster(deps);
  return { appointments, gaps, units, sections, people, roster };
}

export type OrganisationServices = ReturnType<typeof createOrganisationModule>;
export const organisationPolicies: Policy[] = [organisationPolicy];
