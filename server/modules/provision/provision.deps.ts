import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Role } from '../../../shared/roles.ts';
import type { ApprovalsService, Notifications } from '../approvals/index.ts';
import type { VaultFacts } from '../register/register.service.ts';
import type { VaultModule } from '../vault/index.ts';

/** What third parties (issue 9; A17–A19) need from the platform and other modules (wired in server/app.ts). */
export interface ProvisionDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** The approval engine (issue 7): exceptions to the six clauses, subcontracting, provisions. */
  approvals: ApprovalsService;
  notifications: Notifications;
  /** The vault's public surface (files' schemas and fields; the export path). */
  vault: VaultModule;
  /** The register's facts of a file: owner, sensitivity, importance, My Numbers. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
  person(id: string): Promise<{ name: string; email: string | null; active: boolean } | null>;
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  /** A section's unit (the organisation's public facts), or null for an unknown section. */
  sectionUnit(sectionId: string): Promise<string | null>;
  /** Current holders of a role: a section's (protection_manager), a unit's (chief_protection_manager), all. */
  appointed(role: Role, unitId: string, sectionId: string): Promise<string[]>;
  /** Where uploaded documents (agreements, contracts, evidence) are kept: DATA_DIR/provision. */
  documentsDir: string;
}
