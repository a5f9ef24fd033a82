import type { EvidenceItem, EvidenceKind, EvidenceScope } from '../shared/api/evidence.ts';
import type { Database } from './platform/db/index.ts';
import { incidentEvidence } from './modules/incidents/evidence.ts';
import { logAnalysisEvidence } from './modules/logs/analysis/evidence.ts';
import { contractEvidence, provisionEvidence } from './modules/provision/evidence.ts';
import { registerEntryEvidence } from './modules/register/evidence.ts';
import { grantReviewEvidence } from './modules/vault/evidence.ts';
import type { IncidentsModule } from './modules/incidents/index.ts';
import type { LogAnalysis } from './modules/logs/analysis/index.ts';
import type { OversightModule } from './modules/oversight/index.ts';
import type { ProvisionModule } from './modules/provision/index.ts';
import type { RegisterModule } from './modules/register/index.ts';
import type { TrainingModule } from './modules/training/index.ts';
import type { VaultModule } from './modules/vault/index.ts';

/**
 * The records an audit can cite (A36, issue 10), gathered from each module's public surface: the
 * composition root's part of server/app.ts that audits use.
 */
export function createEvidenceSources(s: {
  logAnalysis: LogAnalysis;
  vault: VaultModule;
  incidents: IncidentsModule;
  register: RegisterModule;
  provision: ProvisionModule;
  training: TrainingModule;
  oversight: OversightModule;
  /** The database the modules' read-only evidence queries run on (each reads its own tables). */
  database: Database;
}) {
  const db = s.database.db;
  return async function evidence(kind: EvidenceKind, scope: EvidenceScope): Promise<EvidenceItem[]> {
    switch (kind) {
      case 'training':
        return s.training.evidence(scope);
      case 'inspection':
        return s.oversight.evidence.inspection(scope);
      case 'committee_meeting':
        return s.oversight.evidence.committee_meeting(scope);
      case 'log_analysis':
        return logAnalysisEvidence(db, scope);
      case 'grant_review':
        return grantReviewEvidence(db, scope);
      case 'incident':
        return incidentEvidence(db, scope);
      case 'register_entry':
        return registerEntryEvidence(db, scope);
      case 'contract':
        return contractEvidence(db, scope);
      case 'provision':
        return provisionEvidence(db, scope);
      default:
        return [];
    }
  };
}
