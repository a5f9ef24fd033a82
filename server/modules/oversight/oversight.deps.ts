import type { OrgStructure } from '../../../shared/api/organisation.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Notifications } from '../approvals/index.ts';
import type { RosterEntry } from '../organisation/index.ts';
import type { AuditSummary } from '../../../shared/api/evidence.ts';
import type { VaultFacts } from '../register/register.service.ts';

/**
 * What oversight (issue 10; A9, A37–A41) needs from the platform and other modules (wired in
 * server/app.ts).
 */
export interface OversightDeps {
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
  /** Where minutes, guidance and local rules are kept: DATA_DIR/oversight. */
  documentsDir: string;
  /** A38: the audits reported in a period (inputs of the yearly evaluation). */
  audits(from: string, to: string): Promise<AuditSummary[]>;
  /** A41: the register's facts of a file (name, owner), or null for an unknown file. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
}
