import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { EvidenceItem, EvidenceKind, EvidenceScope } from '../../../shared/api/evidence.ts';

/** What audits (issue 10; A36) need from the platform and other modules (wired in server/app.ts). */
export interface AuditsDeps extends OversightBaseDeps {
  /** Where uploaded evidence and reports are kept: DATA_DIR/audits. */
  documentsDir: string;
  /** Mamori's own records that can be cited as evidence, per kind (server/evidence.ts). */
  evidence(kind: EvidenceKind, scope: EvidenceScope): Promise<EvidenceItem[]>;
}
