import type { DemoWhere } from '../common/demo.ts';
import type { BackupsPart } from './index.ts';

/**
 * The demo's backups (issue 11; A27). A fresh demo has no backup yet (the gap backup_overdue would
 * show at once): the demo load calls this LAST, after every other part's data, so that the backup
 * holds them. The システム管理者 (E000036) makes a backup to the demo's destination (DATA_DIR/backups)
 * and runs a restore test of it (SQLite: into a temporary folder; PostgreSQL without
 * BACKUP_RESTORE_TEST_DATABASE_URL: recorded as not configured). Without destinations, nothing.
 */
export async function loadDemoBackups(
  part: BackupsPart,
  where: DemoWhere,
  opts: { restoreTest?: boolean } = {},
) {
  if (part.settings().destinations.length === 0) return;
  const admin = await where.ctxOf('E000036');
  const run = await part.run(admin, { trigger: 'manual' });
  if (run.status === 'failed' || opts.restoreTest === false) return;
  await part.restoreTest(admin, { trigger: 'manual' });
}
