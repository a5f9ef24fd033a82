import type { EvidenceItem, EvidenceScope } from '../../../shared/api/evidence.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * Evidence for audits (A36, issue 10): outsourcing contracts (A19) and provisions to third parties
 * (A18) of the units in scope that ran during the period (begun by its end, not ended before its
 * start). Read-only; labels are numbers and titles.
 */
export async function contractEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  let q = db
    .selectFrom('provision_contracts')
    .select(['id', 'number', 'title', 'unit_id', 'created_at', 'starts_on', 'ends_on'])
    .where('starts_on', '<=', scope.to)
    .where('ends_on', '>=', scope.from);
  if (scope.unitIds) q = q.where('unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.orderBy('number').execute();
  return rows.map((r) => ({
    kind: 'contract' as const,
    ref: r.id,
    label: `委託契約 ${r.number} ${r.title}`,
    path: `/provision/contracts/${r.id}`,
    at: r.created_at,
    unitId: r.unit_id,
  }));
}

export async function provisionEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  let q = db
    .selectFrom('provisions')
    .select(['id', 'number', 'unit_id', 'created_at', 'law_name', 'ground'])
    .where('starts_on', '<=', scope.to)
    .where((w) => w.or([w('ends_on', 'is', null), w('ends_on', '>=', scope.from)]));
  if (scope.unitIds) q = q.where('unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.orderBy('number').execute();
  return rows.map((r) => ({
    kind: 'provision' as const,
    ref: r.id,
    label: `提供 ${r.number}`,
    path: `/provision/provisions/${r.id}`,
    at: r.created_at,
    unitId: r.unit_id,
  }));
}
