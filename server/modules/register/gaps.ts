import type { GapView } from '../../../shared/api/organisation.ts';
import { gapAt } from '../organisation/index.ts';
import type { RegisterDeps } from './register.deps.ts';

/** A20-3: days a returned entry may wait for its section's correction before it is a gap. */
export const AMENDMENT_DAYS = 14;

/** The Tokyo day of an ISO instant (UTC+9, no daylight saving). */
const tokyoDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);

const minusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 10 (A20-3): an entry sent back for amendment (差戻し, version status 'returned', A20-2) and
 * not resubmitted within 14 days is a gap of its section's 保護管理者, who keeps the entry current
 * (A20-3). The register has no "to be struck" state (A20-4 discontinues a file at once), so only
 * returned entries count. Label: none (an entry's name could describe the held persons).
 */
export function createRegisterGaps(deps: Pick<RegisterDeps, 'database' | 'clock' | 'names'>) {
  return async (): Promise<GapView[]> => {
    const cutoff = minusDays(deps.clock.today(), AMENDMENT_DAYS);
    const rows = await deps.database.db
      .selectFrom('register_files as f')
      .innerJoin('register_versions as v', 'v.id', 'f.open_version_id')
      .select(['f.id', 'f.unit_id', 'f.section_id', 'v.decided_at'])
      .where('f.state', '!=', 'discontinued')
      .where('v.status', '=', 'returned')
      .orderBy('f.id')
      .execute();
    const late = rows.filter((r) => r.decided_at !== null && tokyoDay(r.decided_at) < cutoff);
    if (late.length === 0) return [];
    const names = await deps.names();
    return late.map((r) =>
      gapAt(names, {
        kind: 'register_amendment_overdue',
        role: 'protection_manager',
        scope: 'section',
        unitId: r.unit_id,
        sectionId: r.section_id,
        article: 'A20-3',
        path: `/register-admin/files/${r.id}`,
      }),
    );
  };
}
