import type { ProvisionSummary } from '../../../shared/api/provision-provisions.ts';
import type { RequestsConfig } from '../../platform/config.ts';
import type { Keys } from '../../platform/keys.ts';
import type { ApprovalsService } from '../approvals/index.ts';
import type { HandlingModule } from '../handling/index.ts';
import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { VaultFacts } from '../register/register.service.ts';
import type { VaultModule } from '../vault/index.ts';

/** A file of the register as the requests module sees it (names, owners, the receiving office). */
export interface RegisterFileFacts {
  id: string;
  name: string;
  unitId: string;
  sectionId: string;
  /** 開示請求等を受理する組織の名称及び所在地 (the register's words). */
  requestOffice: string;
  /** Published on the public register. */
  published: boolean;
}

/**
 * What individuals' requests (issue 12; law-2022.md 法76–107) need from the platform and other
 * modules (wired in server/app.ts). Builds on the oversight base: roles, roster, names, notices.
 */
export interface RequestsDeps extends OversightBaseDeps {
  /** The statutory periods, the day counting, the fee (REQUESTS_* variables). */
  config: RequestsConfig;
  /** Sealing of the requester's particulars (keys.seal('subject-request', …)): never plain at rest. */
  keys: Keys;
  /** The approval engine: decisions are approved by the unit's 総括保護管理者. */
  approvals: ApprovalsService;
  /** Every file of the register (the requests module reads, never writes it). */
  registerFiles(): Promise<RegisterFileFacts[]>;
  fileFacts(fileId: string): Promise<VaultFacts | null>;
  /** The vault's entry points for a request: finding and reading a person's records (search part). */
  vaultSubjects: VaultModule['subjects'];
  /** The vault's suspensions of use of records for purposes (remedies part, 法98–103). */
  vaultSuspensions: VaultModule['suspensions'];
  /** A13 corrections of handling, instructed by an approved correction request (remedies part). */
  corrections: HandlingModule['corrections'];
  /** Provisions of a file to third parties (法97, 法101: recipients told of a correction). */
  provisionsOfFile(fileId: string): Promise<ProvisionSummary[]>;
}
