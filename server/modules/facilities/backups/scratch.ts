import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { listBackups, parseDestination, type BackupTarget } from '../../../platform/backup/index.ts';
import type { Config } from '../../../platform/config.ts';

/** Where a place's copy of `fileName` would be: a location may name the folder or the file itself. */
function candidate(location: string, fileName: string): string {
  if (location.endsWith(fileName)) return location;
  return location.startsWith('s3://')
    ? `${location.replace(/\/+$/, '')}/${fileName}`
    : path.join(location, fileName);
}

/**
 * The first place that still has the backup (A27: kept in more than one place, so one lost copy
 * does not lose it): the places its run wrote, then the destinations configured now.
 */
export async function locateBackup(
  config: Config,
  fileName: string,
  written: string[],
): Promise<string | null> {
  const places = [...written, ...config.backup.destinations];
  for (const place of places) {
    const target: BackupTarget = parseDestination(place);
    if (target.kind === 'dir') {
      const file = candidate(place, fileName);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
      continue;
    }
    try {
      const folder = place.endsWith(fileName) ? place.slice(0, -fileName.length).replace(/\/+$/, '') : place;
      const found = (await listBackups(parseDestination(folder), config)).find(
        (b) => b.fileName === fileName,
      );
      if (found) return found.location.endsWith(fileName) ? found.location : candidate(folder, fileName);
    } catch {
      // Unreachable now: try the next place.
    }
  }
  return null;
}

/**
 * Empties the scratch PostgreSQL database of restore tests (drops and recreates the public schema).
 * Refuses the database in use — a restore test must never touch the live records: the live
 * database already holds this test's row (`testId`), a scratch database does not.
 */
export async function emptyScratch(url: string, testId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const live = await client
      .query('select 1 from facility_restore_tests where id = $1', [testId])
      .then((r) => r.rows.length > 0)
      .catch(() => false);
    if (live) throw Object.assign(new Error('backup.scratch_is_live'), { code: 'backup.scratch_is_live' });
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}
