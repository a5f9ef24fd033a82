import { scopeInstants, type EvidenceItem, type EvidenceScope } from '../../../shared/api/evidence.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * Evidence for audits (A36, issue 10): incidents (A34–A35) of the units in scope reported within the
 * period. Read-only; a label is the number, the place and the state — never the summary's words.
 */
export async function incidentEvidence(db: Executor, scope: EvidenceScope): Promise<EvidenceItem[]> {
  const b = scopeInstants(scope);
  let q = db
    .selectFrom('incidents as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('sections as s', 's.id', 'i.section_id')
    .select([
      'i.id',
      'i.number',
      'i.unit_id',
      'i.reported_at',
      'i.status',
      'u.name as unit',
      's.name as section',
    ])
    .where('i.reported_at', '>=', b.from)
    .where('i.reported_at', '<', b.to);
  if (scope.unitIds) q = q.where('i.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  const rows = await q.orderBy('i.number').execute();
  return rows.map((r) => ({
    kind: 'incident' as const,
    ref: r.id,
    label: `事案 ${r.number} ${r.unit} ${r.section}（${r.status === 'closed' ? '終結' : '対応中'}）`,
    path: `/incidents/${r.id}`,
    at: r.reported_at,
    unitId: r.unit_id,
  }));
}
