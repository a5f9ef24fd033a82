import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { AuditSummary } from '../../../shared/api/evidence.ts';
import type { VaultFacts } from '../register/register.service.ts';

/**
 * What oversight (issue 10; A9, A37–A41) needs from the platform and other modules (wired in
 * server/app.ts).
 */
export interface OversightDeps extends OversightBaseDeps {
  /** Where minutes, guidance and local rules are kept: DATA_DIR/oversight. */
  documentsDir: string;
  /** A38: the audits reported in a period (inputs of the yearly evaluation). */
  audits(from: string, to: string): Promise<AuditSummary[]>;
  /** A41: the register's facts of a file (name, owner), or null for an unknown file. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
}
