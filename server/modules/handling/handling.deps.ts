import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { KekProvider } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { ApprovalsService, Notifications } from '../approvals/index.ts';
import type { VaultFacts } from '../register/register.service.ts';
import type { VaultModule } from '../vault/index.ts';
import type { HandlingRules } from './rules/rules.service.ts';

/** What handling needs from the platform and from other modules (wired in server/app.ts). */
export interface HandlingDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** The vault's key-encryption keys: opening a record's data key (corrections), destroying it (A15). */
  kek: KekProvider;
  approvals: ApprovalsService;
  notifications: Notifications;
  /** The vault's public surface: its gate (grant, purpose, terminal), reader and files. */
  vault: VaultModule;
  /** The register's facts of a file: owner, sensitivity, importance, retention, My Numbers. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
  person(id: string): Promise<{ name: string; email: string | null; active: boolean } | null>;
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  /** Where approved exports are kept until they expire (A24の2): DATA_DIR/exports. */
  exportsDir: string;
}

/** What every act of handling is given: the deps and the rules of which acts need approval. */
export interface HandlingContext extends HandlingDeps {
  rules: HandlingRules;
}
