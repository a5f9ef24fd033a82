import type { Database } from '../db/index.ts';
import type { EntryInsert } from './ledger.repo.ts';

/** What administrators see of the log's writer: a failure is never silent (A22-2, fail closed). */
export interface AppenderHealth {
  failing: boolean;
  lastFailureAt: string | null;
  lastFailure: string | null;
  appended: number;
}

/** Entries written in one transaction, and the one promise all of their callers wait on. */
interface Batch {
  entries: EntryInsert[];
  done: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every caller awaits `done`; this only keeps a failed batch nobody waits on from crashing the process.
  done.catch(() => undefined);
  return { entries: [], done, resolve, reject };
}

/**
 * Group commit for access events (A22-1, log before serve): appends arriving while a batch is being
 * written wait for the next one, and each batch is one durable transaction. A caller resumes only
 * when its entry is committed; if the batch fails, every caller of that batch gets the error, so
 * the data is not served (fail closed). The wait is bounded by one batch write.
 *
 * The callers of a batch share one promise (no promise or closure per entry: at thousands of
 * entries a second those were most of the writer's cost, bench/append.ts).
 */
export function createAppender(deps: {
  database: Database;
  now: () => Date;
  maxBatch?: number;
  /** What callers of a failed batch get instead of the database's own error. */
  failure: (error: unknown) => unknown;
  onFailure?: (error: unknown) => void;
  onAppended?: () => void;
}) {
  const maxBatch = deps.maxBatch ?? 5000;
  const queue: Batch[] = [];
  let writing = false;
  const health: AppenderHealth = { failing: false, lastFailureAt: null, lastFailure: null, appended: 0 };

  async function write(batch: Batch): Promise<void> {
    try {
      await deps.database.insertAll('ledger_entries', batch.entries);
      health.failing = false;
      health.appended += batch.entries.length;
      batch.resolve();
      deps.onAppended?.();
    } catch (error) {
      health.failing = true;
      health.lastFailureAt = deps.now().toISOString();
      health.lastFailure = error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
      deps.onFailure?.(error);
      batch.reject(deps.failure(error));
    }
  }

  async function drain(): Promise<void> {
    try {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        await write(batch);
        // Yield to the event loop between batches. On SQLite a write completes within microtasks, so
        // callers that append again as soon as they resume would otherwise keep this loop, and the
        // whole process (timers, the sequencer, I/O, even stdout), from ever running anything else.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      writing = false;
    }
  }

  return {
    /** Resolves when the entry is durable; rejects with `failure(error)` when it could not be written. */
    append(entry: EntryInsert): Promise<void> {
      let batch = queue[queue.length - 1];
      if (!batch || batch.entries.length >= maxBatch) {
        batch = newBatch();
        queue.push(batch);
      }
      batch.entries.push(entry);
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
      return batch.done;
    },
    health: (): AppenderHealth => ({ ...health }),
    /** Resolves once everything queued so far is written (or failed). */
    async idle(): Promise<void> {
      while (writing || queue.length > 0) await new Promise((r) => setImmediate(r));
    },
  };
}

export type Appender = ReturnType<typeof createAppender>;
