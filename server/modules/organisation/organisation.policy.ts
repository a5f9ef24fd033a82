import { ROLES, ROLE_RULES } from '../../../shared/roles.ts';
import type { Policy } from '../../platform/authz/index.ts';

/** Roles that oversee the whole organisation and so see every compliance gap (A4, A8, A9). */
const ORGANISATION_OVERSIGHT = new Set([
  'president',
  'chief_manager',
  'audit_officer',
  'committee_member',
  'system_administrator',
]);

/**
 * Who may do what with the organisation, derived only from current appointments (A3).
 * - everyone signed in may read the organisation (units, sections, people, appointments);
 * - the システム管理者 keeps sections and people everywhere, a 総括保護管理者 in their own unit (A5-2);
 * - appointments follow the articles: who appoints a role, and over which scope (A4–A8, A7の2).
 */
export const organisationPolicy: Policy = (actor, { can }) => {
  can('read', 'Organisation');
  for (const held of actor.roles) {
    if (held.role === 'system_administrator') {
      can(['create', 'update'], ['Unit', 'Section', 'Person']);
      can('import', 'Person');
    }
    if (held.role === 'chief_protection_manager' && held.unitId) {
      can(['create', 'update'], ['Section', 'Person'], { unitId: held.unitId });
      can('import', 'Person', { unitId: held.unitId });
      can('read', 'Gaps', { unitId: held.unitId });
    }
    if (ORGANISATION_OVERSIGHT.has(held.role)) can('read', 'Gaps');

    for (const target of ROLES) {
      if (!ROLE_RULES[target].appointedBy.includes(held.role)) continue;
      // The appointer's own scope bounds where they appoint: a 校長 within the college, a 保護管理者 within the section.
      if (held.sectionId) can(['appoint', 'end'], 'Appointment', { role: target, sectionId: held.sectionId });
      else if (held.unitId) can(['appoint', 'end'], 'Appointment', { role: target, unitId: held.unitId });
      else can(['appoint', 'end'], 'Appointment', { role: target });
    }
  }
};
