import type { Policy } from '../../platform/authz/index.ts';
import { createCoursesService } from './courses.service.ts';
import { createTrainingEvidence } from './evidence.ts';
import { createTrainingGaps } from './gaps.ts';
import { createTrainingJob } from './reminders.job.ts';
import { createSessionsService } from './sessions.service.ts';
import { createStatusService } from './status.service.ts';
import { createSuspensions, type Hold } from './suspensions.ts';
import { createTrainingCore } from './training.core.ts';
import type { TrainingDeps } from './training.deps.ts';
import { trainingPolicy } from './training.policy.ts';

export { trainingRoutes } from './training.routes.ts';
export type { TrainingDeps } from './training.deps.ts';

/** What a precondition asks for: a vault grant (A11-1) or a My Number handler appointment (A7の2). */
export type TrainingPurpose = 'vault_grant' | 'mynumber_handler';

/**
 * Training (issue 10; A10-1..4): courses of four kinds, sessions, audiences, completion, recurrence,
 * reminders, overdue lists; completion as a precondition of grants and My Number appointments, and a
 * lapse as a suspension of grants (the daily job).
 */
export function createTrainingModule(deps: TrainingDeps) {
  const core = createTrainingCore(deps);
  const suspensions = createSuspensions(deps, core);
  const courses = createCoursesService(deps, core);
  const sessions = createSessionsService(deps, core, suspensions);
  const status = createStatusService(deps, core);
  const daily = createTrainingJob(deps, core, suspensions);
  /** The required course the person lacks (never completed or lapsed) for the purpose, or null. */
  const hold = (personId: string, purpose: TrainingPurpose): Promise<Hold | null> =>
    suspensions.hold(personId, purpose);
  const evidence = createTrainingEvidence(deps);
  const gaps = createTrainingGaps(deps, core);
  return { hold, evidence, gaps, jobs: [daily.job], daily, courses, sessions, status };
}

export type TrainingModule = ReturnType<typeof createTrainingModule>;
export const trainingPolicies: Policy[] = [trainingPolicy];
