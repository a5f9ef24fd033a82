import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { acquireLease, releaseLease } from './lease.ts';

/** A scheduled job: a cron pattern read in a time zone (Asia/Tokyo unless told) and what to run. */
export interface Job {
  /** Unique name; also the name of its lease. */
  name: string;
  /** A cron pattern (croner syntax), e.g. '0 6 * * 1' for Mondays at 06:00. */
  pattern: string;
  timezone?: string;
  /** How long a run holds the lease before another server may take over (renewed while it runs). */
  leaseMs?: number;
  run(): Promise<void>;
}

export interface RunResult {
  ran: boolean;
  error?: unknown;
}

export interface Scheduler {
  add(job: Job): void;
  /** Starts the timers (an app server calls this once it is ready). */
  start(): void;
  /** Stops every timer; runs in progress finish. */
  stop(): void;
  /**
   * Runs a job now if this server can take its lease; answers whether it ran. A run keeps the lease
   * until it expires, so another server whose timer fires at the same moment does not run it again.
   */
  runNow(name: string): Promise<RunResult>;
  /** The next instant a job is due (after `from`, default now). */
  nextRun(name: string, from?: Date): Date | null;
  readonly holder: string;
}

const DEFAULT_LEASE_MS = 15 * 60_000;

/**
 * A small scheduler: croner timers, and a database lease per job so that with several app servers one
 * runs each occurrence. A server that crashes mid-run loses the lease when it expires.
 */
export function createScheduler(deps: {
  database: Database;
  clock: Clock;
  holder?: string;
  onError?: (job: string, error: unknown) => void;
}): Scheduler {
  const holder = deps.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs = new Map<string, Job>();
  const timers: Cron[] = [];

  async function runNow(name: string): Promise<RunResult> {
    const job = jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    const ttlMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const db = deps.database.db;
    if (!(await acquireLease(db, { name, holder, now: deps.clock.now(), ttlMs }))) return { ran: false };
    // Renew while the run lasts, so a long run is not taken over by another server.
    const renew = setInterval(
      () => void acquireLease(db, { name, holder, now: deps.clock.now(), ttlMs }).catch(() => undefined),
      Math.max(1000, ttlMs / 3),
    );
    renew.unref();
    try {
      await job.run();
      return { ran: true };
    } catch (error) {
      deps.onError?.(name, error);
      // A failed run lets another server try again at once rather than after the lease.
      await releaseLease(db, { name, holder, until: deps.clock.now() }).catch(() => undefined);
      return { ran: true, error };
    } finally {
      clearInterval(renew);
    }
  }

  const cronOf = (job: Job, paused: boolean) =>
    new Cron(job.pattern, { timezone: job.timezone ?? 'Asia/Tokyo', paused, protect: true });

  return {
    holder,
    add(job) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} added twice`);
      jobs.set(job.name, job);
    },
    start() {
      for (const job of jobs.values()) {
        const timer = cronOf(job, false);
        timer.schedule(async () => {
          await runNow(job.name);
        });
        timers.push(timer);
      }
    },
    stop() {
      for (const timer of timers.splice(0)) timer.stop();
    },
    runNow,
    nextRun(name, from) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no job named ${name}`);
      const timer = cronOf(job, true);
      const next = timer.nextRun(from ?? deps.clock.now());
      timer.stop();
      return next;
    },
  };
}
