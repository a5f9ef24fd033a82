import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The files under DATA_DIR that a backup carries (A27): uploaded documents (provision, training,
 * audits, oversight, facilities), the witness folder and whatever else the installation keeps there.
 * Left out: the SQLite database (copied through its backup API, never as a live file), the keys
 * folder and secret.key (carried as keys, apart; the backup key itself never), exports/ (temporary
 * copies of A24の2 that expire), backups kept inside DATA_DIR, and transient files (*.tmp, *.lock,
 * journals).
 */
export function dataFiles(config: Config, excluded: string[] = []): string[] {
  const root = config.dataDir;
  const skip = new Set(
    [
      path.join(root, 'exports'),
      path.join(root, 'backups'),
      path.join(root, 'keys'),
      path.join(root, 'secret.key'),
      config.backup.keyFile,
      config.vaultKeyFile,
      ...config.backup.destinations.filter((d) => !d.startsWith('s3://')),
      ...excluded,
    ].map((p) => path.resolve(p)),
  );
  const sqliteFile = config.databaseUrl.startsWith('sqlite:')
    ? path.resolve(config.databaseUrl.slice(7))
    : null;
  const transient = (name: string) =>
    /^mamori\.sqlite/.test(name) ||
    /\.(tmp|lock|sqlite-wal|sqlite-shm|sqlite-journal)$/.test(name) ||
    (sqliteFile !== null && name.startsWith(path.basename(sqliteFile)));
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (skip.has(full)) continue;
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && !transient(e.name)) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

/** A relative path from a manifest that stays inside the target (no `..`, no absolute path). */
export function safeRelative(p: string): string {
  const normal = path.normalize(p);
  if (path.isAbsolute(normal) || normal.startsWith('..') || normal.split(path.sep).includes('..'))
    throw new Error(`a path in the backup leaves the data directory: refused`);
  return normal;
}
