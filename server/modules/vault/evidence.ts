import { scopeInstants, type EvidenceItem, type EvidenceScope } from '../../../shared/api/evidence.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * Evidence for audits (A36, issue 10): reviews of vault grants (A11-1) made within the period, in
 * the units in scope. Read-only; a label names the file and the day, never the holder.
 */
export async function grantReviewEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  const b = scopeInstants(scope);
  let q = db
    .selectFrom('vault_grants as g')
    .innerJoin('vault_files as f', 'f.file_id', 'g.file_id')
    .innerJoin('register_files as rf', 'rf.id', 'g.file_id')
    .leftJoin('register_versions as v', 'v.id', 'rf.current_version_id')
    .select(['g.id', 'g.file_id', 'g.reviewed_at', 'f.unit_id', 'v.name'])
    .where('g.reviewed_at', '>=', b.from)
    .where('g.reviewed_at', '<', b.to);
  if (scope.unitIds) q = q.where('f.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.orderBy('g.reviewed_at').execute();
  return rows.map((r) => ({
    kind: 'grant_review' as const,
    ref: r.id,
    label: `アクセス権の見直し ${r.name ?? ''} ${r.reviewed_at!.slice(0, 10)}`,
    path: `/vault/files/${r.file_id}/grants`,
    at: r.reviewed_at!,
    unitId: r.unit_id,
  }));
}
