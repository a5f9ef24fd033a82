export { createScheduler, type Job, type RunResult, type Scheduler } from './scheduler.ts';
export { acquireLease, leaseOf, releaseLease } from './lease.ts';
