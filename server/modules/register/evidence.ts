import { scopeInstants, type EvidenceItem, type EvidenceScope } from '../../../shared/api/evidence.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * Evidence for audits (A36, issue 10): the register's entries (A20) of the units in scope that were
 * in the register during the period (made before its end, not discontinued before its start).
 * Read-only; a label is the file's name and version.
 */
export async function registerEntryEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  const { from: start, to: end } = scopeInstants(scope);
  let q = db
    .selectFrom('register_files as f')
    .innerJoin('register_versions as v', 'v.id', 'f.current_version_id')
    .select(['f.id', 'f.unit_id', 'f.created_at', 'v.name', 'v.number', 'v.decided_at'])
    .where('f.created_at', '<', end)
    .where((w) => w.or([w('f.discontinued_at', 'is', null), w('f.discontinued_at', '>=', start)]));
  if (scope.unitIds) q = q.where('f.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      kind: 'register_entry' as const,
      ref: r.id,
      label: `個人情報ファイル簿 ${r.name}（第${r.number}版）`,
      path: `/register-admin/files/${r.id}`,
      at: r.decided_at ?? r.created_at,
      unitId: r.unit_id,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}
