import type { ReportInput } from '../../../shared/api/incidents.ts';
import type { MediumView } from '../../../shared/api/handling-movements.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import type { Keys } from '../../platform/keys.ts';
import type { ApprovalsService } from '../approvals/index.ts';
import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { VaultFacts } from '../register/register.service.ts';

/**
 * What facilities (issue 11; A14, A23–A24, A27–A28, A30, A32–A33) need from the platform and other
 * modules (wired in server/app.ts). Builds on the oversight base: roles, roster, names, notices.
 */
export interface FacilitiesDeps extends OversightBaseDeps {
  /** The installation's configuration (backups: DATA_DIR, DATABASE_URL, destinations, schedule). */
  config: Config;
  /** Sealing of personal data kept outside the vault (visitors' names: keys.seal('facility-visitor', …)). */
  keys: Keys;
  /** Where design documents are kept (A28): DATA_DIR/facilities. */
  documentsDir: string;
  /** The approval engine (A30-2: taking devices out and bringing them in). */
  approvals: ApprovalsService;
  /** The register's facts of a file (name, owner), or null for an unknown file. */
  fileFacts(fileId: string): Promise<VaultFacts | null>;
  /** Files of the register a unit keeps (for linking systems to files), ids and names only. */
  unitFiles(unitId: string): Promise<{ id: string; name: string; sectionId: string }[]>;
  /** A34: opens an incident at once (a device lost or stolen), as the caller; its number and id. */
  openIncident(ctx: Ctx, input: ReportInput): Promise<{ id: string; number: string }>;
  /** A14: handling's register of media that hold files (issue 7, ADR 0008), as the caller reads it. */
  handlingMedia(ctx: Ctx): Promise<MediumView[]>;
}
