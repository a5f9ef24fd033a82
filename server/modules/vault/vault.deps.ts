import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { KekProvider } from '../../platform/crypto/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { VaultFacts } from '../register/register.service.ts';
import type { TerminalRequirement } from '../terminals/index.ts';

/** What the vault needs from the platform and from other modules (wired in server/app.ts). */
export interface VaultDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** A25: wraps each record's data key; the key-encryption key lives outside the database. */
  kek: KekProvider;
  /** Derived from the secret key (not in the database): keys of blind indexes and scope tags. */
  indexMaster: Buffer;
  /** The register's facts of a file (owner, purpose, 記録項目, A20-5), or null when never registered. */
  registerFile(fileId: string): Promise<VaultFacts | null>;
  /** A29 / A11の2: refuses (and records) a request from a terminal outside the requirement. */
  requireTerminal(ctx: Ctx, required: TerminalRequirement): Promise<void>;
  /** The same check without refusing: My Numbers are masked off such a terminal. */
  terminalFits(ctx: Ctx, required: TerminalRequirement): Promise<boolean>;
  /** A person's name and whether they are in office (grants go to people in office only). */
  person(id: string): Promise<{ name: string; active: boolean } | null>;
  /**
   * Issue 7, A12(1): whether copying out of this file needs an approval (the handling rules). The
   * plain CSV download serves only files whose rules let staff copy without one; the others go
   * through the approved, expiring export of modules/handling.
   */
  exportNeedsApproval(fileId: string): Promise<boolean>;
  /** A15: whether the whole file was disposed of; it then takes no new records (create, import). */
  fileDisposed(fileId: string): Promise<boolean>;
  /**
   * Issue 10 (A10, A11-1): the required training the person lacks before a grant (bound late to the
   * training module), or null when none is required or it is complete.
   */
  trainingHold(personId: string): Promise<{ courseId: string; title: string } | null>;
  /** Names of units and sections (compliance gaps). */
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
}
