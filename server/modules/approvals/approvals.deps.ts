import type { ApprovalLevel } from '../../../shared/api/approvals.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';

/** What the approval engine needs from the platform and from other modules (wired in server/app.ts). */
export interface ApprovalsDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  mailer: Mailer;
  /** Where links in mail point (PUBLIC_ORIGIN). */
  publicOrigin: string;
  /** The people currently appointed at a level: the section's 保護管理者, or the unit's 総括保護管理者. */
  appointed(level: ApprovalLevel, unitId: string, sectionId: string): Promise<string[]>;
  /** A person's name, mail address and whether they are in office. */
  person(id: string): Promise<{ name: string; email: string | null; active: boolean } | null>;
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  /** A register file's name (organisational, published in the register), or null. */
  fileName(fileId: string): Promise<string | null>;
}
