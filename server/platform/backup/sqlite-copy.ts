import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import type { BackupProgress } from './types.ts';

/** The file of an open SQLite database (the services' own, whatever DATABASE_URL says). */
export async function sqliteFileOf(database: Database): Promise<string> {
  const rows = await sql<{ name: string; file: string }>`select name, file from pragma_database_list`.execute(
    database.db,
  );
  const main = rows.rows.find((r) => r.name === 'main');
  if (!main?.file)
    throw new Error('the SQLite database has no file (an in-memory database cannot be backed up)');
  return main.file;
}

/**
 * A consistent copy of a live SQLite database through its online backup API (A27): pages are copied
 * a few at a time while the server keeps writing; SQLite restarts the copy if a write lands in
 * between, so the copy is one moment's state.
 */
export async function copySqlite(
  file: string,
  target: string,
  onProgress?: (p: BackupProgress) => void,
): Promise<void> {
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.({ phase: 'database', done: totalPages - remainingPages, total: totalPages });
        return 256;
      },
    });
  } finally {
    source.close();
  }
}

/** What the manifest says of a SQLite copy: tables' rows, migrations, the latest checkpoint. */
export function describeSqlite(file: string): {
  counts: Record<string, number>;
  migrations: string[];
  checkpoint: string | null;
} {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t] = (
        db.prepare(`select count(*) as n from "${t.replaceAll('"', '""')}"`).get() as { n: number }
      ).n;
    const migrations = tables.includes('kysely_migration')
      ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
          (r) => r.name,
        )
      : [];
    const checkpoint = tables.includes('ledger_checkpoints')
      ? ((
          db.prepare('select note from ledger_checkpoints order by tree_size desc limit 1').get() as
            { note: string } | undefined
        )?.note ?? null)
      : null;
    return { counts, migrations, checkpoint };
  } finally {
    db.close();
  }
}
