import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';

/** Rows per table (tables that do not exist are left out). */
export async function countRows(database: Database, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    try {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(database.db);
      counts[t] = Number(r.rows[0]!.n);
    } catch {
      // No such table: the comparison reports it.
    }
  }
  return counts;
}

/**
 * Opens the restored installation as the server would (its secret key, its vault key file) and
 * verifies the whole log (A22-2): every leaf and the tree recomputed, every signed checkpoint
 * checked, and the log must extend the checkpoint the backup carried.
 */
export async function verifyRestored(
  config: Config,
  checkpoint: string | null,
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: boolean; problems: string[] }> {
  // Loaded here: the app's services are built on modules that use this engine.
  const { createServices } = await import('../../app.ts');
  const services = createServices({ config });
  try {
    const result = await services.ledger.verify(services.database.db, {
      against: checkpoint ? [{ label: 'backup checkpoint', note: checkpoint }] : [],
      ...(onProgress ? { onProgress } : {}),
    });
    return {
      ok: result.ok,
      problems: result.problems.slice(0, 20).map((p) => `log.${p.kind}: ${p.message}`),
    };
  } finally {
    await services.database.close();
  }
}
