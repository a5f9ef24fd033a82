import type { EvidenceSource } from '../../../shared/api/evidence.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import type { Job } from '../../platform/jobs/index.ts';
import type { TrainingDeps } from './training.deps.ts';

export type { TrainingDeps } from './training.deps.ts';

/** What a precondition asks for: a vault grant (A11-1) or a My Number handler appointment (A7の2). */
export type TrainingPurpose = 'vault_grant' | 'mynumber_handler';

/**
 * Training (issue 10; A10-1..4): courses of four kinds, sessions, audiences, completion, recurrence,
 * reminders, overdue lists; completion as a precondition of grants and My Number appointments.
 */
export function createTrainingModule(deps: TrainingDeps) {
  void deps;
  /** The required course the person lacks (never completed or lapsed) for the purpose, or null. */
  const hold = (
    personId: string,
    purpose: TrainingPurpose,
  ): Promise<{ courseId: string; title: string } | null> => {
    void personId;
    void purpose;
    return Promise.resolve(null);
  };
  const evidence: EvidenceSource = () => Promise.resolve([]);
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { hold, evidence, gaps, jobs };
}

export type TrainingModule = ReturnType<typeof createTrainingModule>;
export const trainingPolicies: Policy[] = [];

export function trainingRoutes(app: App, m: TrainingModule) {
  void app;
  void m;
}
