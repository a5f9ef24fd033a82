import type { Database } from '../db/index.ts';
import type { EntryInsert } from './ledger.repo.ts';

interface Waiting {
  entry: EntryInsert;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** What administrators see of the log's writer: a failure is never silent (A22-2, fail closed). */
export interface AppenderHealth {
  failing: boolean;
  lastFailureAt: string | null;
  lastFailure: string | null;
  appended: number;
}

/**
 * Group commit for access events (A22-1, log before serve): appends arriving while a batch is being
 * written wait for the next one, and each batch is one durable transaction. A caller resumes only
 * when its entry is committed; if the batch fails, every caller of that batch gets the error, so
 * the data is not served (fail closed). The wait is bounded by one batch write.
 */
export function createAppender(deps: {
  database: Database;
  now: () => Date;
  maxBatch?: number;
  onFailure?: (error: unknown) => void;
  onAppended?: () => void;
}) {
  const maxBatch = deps.maxBatch ?? 5000;
  let queue: Waiting[] = [];
  let writing = false;
  const health: AppenderHealth = { failing: false, lastFailureAt: null, lastFailure: null, appended: 0 };

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          await deps.database.transaction((tx) =>
            deps.database.insertRows(
              tx,
              'ledger_entries',
              batch.map((w) => w.entry),
            ),
          );
          health.failing = false;
          health.appended += batch.length;
          for (const w of batch) w.resolve();
          deps.onAppended?.();
        } catch (error) {
          health.failing = true;
          health.lastFailureAt = deps.now().toISOString();
          health.lastFailure = error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
          deps.onFailure?.(error);
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    /** Resolves when the entry is durable; rejects with the database's error when it could not be written. */
    append(entry: EntryInsert): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        if (!writing) setImmediate(() => void drain());
        writing = true;
      });
    },
    health: (): AppenderHealth => ({ ...health }),
    /** Resolves once everything queued so far is written (or failed). */
    async idle(): Promise<void> {
      while (writing || queue.length > 0) await new Promise((r) => setImmediate(r));
    },
  };
}

export type Appender = ReturnType<typeof createAppender>;
