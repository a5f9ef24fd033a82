import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { KekProvider } from '../../platform/crypto/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
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
  /**
   * Third parties (issue 9, A18), bound late to the provision module (built after handling): the
   * active provision of a file to a party on a day (null when none). Reads through database.db, so
   * never call it inside a transaction.
   */
  provisionFor(fileId: string, partyId: string, day: string): Promise<ActiveProvision | null>;
  /** The file's provisions (any status), to offer the recipients of the active ones in the copy form. */
  provisionsOfFile(fileId: string): Promise<ProvisionOfFile[]>;
  /** Records an act of provision under a provision, in the caller's transaction (A18). */
  recordProvision(tx: Executor, ctx: Ctx, provisionId: string, act: ProvisionAct): Promise<unknown>;
  /** A party's name in the register of outside parties (null when unknown). */
  partyName(partyId: string): Promise<string | null>;
}

/** What the export needs of an active provision: its id, number, recipient and record items (field keys). */
export interface ActiveProvision {
  id: string;
  number: string;
  partyId: string;
  partyName: string;
  items: string[];
}

/** A provision of a file as the provision module summarises it. */
export interface ProvisionOfFile {
  id: string;
  number: string;
  status: string;
  partyId: string;
  partyName: string;
  startsOn: string;
  endsOn: string | null;
  files: { fileId: string; items: string[] }[];
}

/** An act of provision: the file, the day, how many records, by which means, and a note (the request number). */
export interface ProvisionAct {
  fileId: string;
  providedOn: string;
  records: number;
  means: 'email' | 'media';
  note: string;
}

/** What every act of handling is given: the deps and the rules of which acts need approval. */
export interface HandlingContext extends HandlingDeps {
  rules: HandlingRules;
}
