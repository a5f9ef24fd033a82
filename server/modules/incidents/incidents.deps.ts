import type { IncidentActor } from '../../../shared/api/incidents.ts';
import type { OrgStructure } from '../../../shared/api/organisation.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Notifications } from '../approvals/index.ts';
import type { VaultFacts } from '../register/register.service.ts';

/** A file of the register as the report form offers it. */
export interface RegisterFileChoice {
  id: string;
  name: string;
  unitId: string;
  sectionId: string;
  /** Accepted into the register (not a draft). */
  registered: boolean;
}

/** What incidents need from the platform and from other modules (wired in server/app.ts). */
export interface IncidentsDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** The in-app inbox and its mail (the approval engine's). */
  notifications: Notifications;
  /**
   * The people currently appointed to a role of the chain: the section's 保護管理者, the unit's
   * 総括保護管理者, or the 総括管理者 (organisation-wide).
   */
  appointed(role: IncidentActor, unitId: string, sectionId: string): Promise<string[]>;
  person(id: string): Promise<{ name: string; email: string | null; active: boolean } | null>;
  /** The active people placed in a section (possible owners of a measure). */
  sectionPeople(sectionId: string): Promise<{ id: string; name: string }[]>;
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  structure(): Promise<OrgStructure>;
  /** The register's files of a unit (A20). */
  registerFiles(unitId: string): Promise<RegisterFileChoice[]>;
  /** The register's facts of a file: owner and name; null for an unknown file. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
  /** The vault file a record belongs to, or null (the vault's public lookup; nothing sealed is read). */
  recordFile(recordId: string): Promise<string | null>;
  /** An approval request by its number (R2026-000123), from the approval engine. */
  approvalByNumber(
    number: string,
  ): Promise<{ id: string; number: string; kind: string; unit_id: string; section_id: string } | undefined>;
  /** Whether the person holds a grant in force on a vault file (a link to a record is shown then). */
  hasGrant(personId: string, fileId: string): Promise<boolean>;
}
