import type { OversightBaseDeps } from '../oversight-base.deps.ts';
import type { EvidenceSource } from '../../../shared/api/evidence.ts';

/** What training (issue 10; A10) needs from the platform and other modules (wired in server/app.ts). */
export interface TrainingDeps extends OversightBaseDeps {
  /** Where course materials are kept: DATA_DIR/training. */
  documentsDir: string;
  /**
   * The vault's grants (A11-1), for "completion of the required course is a precondition of a grant;
   * lapsing suspends the grant with notice": who holds live grants, suspend and resume a person's.
   */
  grants: {
    holders(): Promise<string[]>;
    suspendFor(personId: string, courseTitle: string): Promise<number>;
    resumeFor(personId: string): Promise<number>;
    /** The units and sections of the files the person holds live grants on (whose keepers hear of it). */
    sectionsOf(personId: string): Promise<{ unitId: string; sectionId: string }[]>;
  };
}

export type { EvidenceSource };
