import type { OrgStructure } from '../../../shared/api/organisation.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Notifications } from '../approvals/index.ts';
import type { RosterEntry } from '../organisation/index.ts';
import type { EvidenceSource } from '../../../shared/api/evidence.ts';

/** What training (issue 10; A10) needs from the platform and other modules (wired in server/app.ts). */
export interface TrainingDeps {
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
  /** Where course materials are kept: DATA_DIR/training. */
  documentsDir: string;
  /**
   * The vault's grants (A11-1), for "completion of the required course is a precondition of a grant;
   * lapsing suspends the grant with notice": who holds live grants, suspend and resume a person's.
   */
  grants: {
    holders(): Promise<string[]>;
    suspendFor(personId: string, courseTitle: string): Promise<number>;
    resumeFor(personId: string): Promise<number>;
    /** The units and sections of the files the person holds live grants on (whose keepers hear of it). */
    sectionsOf(personId: string): Promise<{ unitId: string; sectionId: string }[]>;
  };
}

export type { EvidenceSource };
