import { scopeInstants, type EvidenceItem, type EvidenceScope } from '../../../../shared/api/evidence.ts';
import type { Executor } from '../../../platform/db/index.ts';

/**
 * Evidence for audits (A36, issue 10): the access-log analysis reports signed off within the
 * period (A22-1), of the units in scope. Read-only; labels carry the scope and period, never names.
 */
export async function logAnalysisEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  const b = scopeInstants(scope);
  let q = db
    .selectFrom('log_analysis_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('sections as s', 's.id', 'r.section_id')
    .select([
      'r.id',
      'r.unit_id',
      'r.period_from',
      'r.period_to',
      'r.signed_off_at',
      'u.name as unit',
      's.name as section',
    ])
    .where('r.signed_off_at', '>=', b.from)
    .where('r.signed_off_at', '<', b.to);
  if (scope.unitIds) q = q.where('r.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.orderBy('r.signed_off_at').execute();
  return rows.map((r) => ({
    kind: 'log_analysis' as const,
    ref: r.id,
    label: `ログ分析報告 ${r.unit}${r.section ? ` ${r.section}` : ''} ${r.period_from}〜${r.period_to}`,
    path: `/logs/analysis/${r.id}`,
    at: r.signed_off_at!,
    unitId: r.unit_id,
  }));
}
