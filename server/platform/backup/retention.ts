import type { Config } from '../config.ts';
import { listAt, removeAt } from './destinations.ts';
import type { BackupTarget, StoredBackup } from './types.ts';

/**
 * Retention (A27): at each destination, backups older than keepDays are removed, except that the
 * newest keepMin always stay (a server that stopped backing up keeps its last good ones). A
 * destination that cannot be listed or cleaned is left as it is: pruning never fails a backup.
 */
export async function pruneBackups(
  targets: BackupTarget[],
  config: Config,
  now: Date = new Date(),
): Promise<StoredBackup[]> {
  const { keepDays, keepMin, s3 } = config.backup;
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const pruned: StoredBackup[] = [];
  for (const target of targets) {
    try {
      const kept = await listAt(target, s3); // newest first
      for (const b of kept.slice(keepMin)) {
        if (b.createdAt >= cutoff) continue;
        await removeAt(target, b.fileName, s3);
        pruned.push(b);
      }
    } catch {
      // Left for the next backup's pruning; the backup itself succeeded.
    }
  }
  return pruned;
}
