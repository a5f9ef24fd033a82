import type { OrgStructure } from '../../shared/api/organisation.ts';
import type { Role } from '../../shared/roles.ts';
import type { Authz } from '../platform/authz/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/index.ts';
import type { Ledger } from '../platform/ledger/index.ts';
import type { Notifications } from './approvals/index.ts';
import type { RosterEntry } from './organisation/index.ts';

/**
 * What every module of issue 10's oversight of the rules needs from the platform and the
 * organisation — training (A10), audits (A36), oversight (A9, A37–A41) and the compliance overview:
 * who holds which role today, who is told, and the ledger. Each module's deps extend it with its own
 * (wired in server/app.ts).
 */
export interface OversightBaseDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** The in-app inbox and its mail (the approval engine's): notify(tx, personIds, kind, {data}). */
  notifications: Notifications;
  person(id: string): Promise<{ name: string; email: string | null; active: boolean } | null>;
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  structure(): Promise<OrgStructure>;
  /** Active staff with the roles they hold today (the organisation's roster). */
  roster(): Promise<RosterEntry[]>;
  /**
   * Current holders of a role over a scope: a section's (protection_manager, protection_officer,
   * mynumber_handler), a unit's (chief_protection_manager), or the organisation's (chief_manager,
   * audit_officer, president, committee_member: unitId and sectionId ignored).
   */
  appointed(role: Role, unitId: string | null, sectionId: string | null): Promise<string[]>;
}
