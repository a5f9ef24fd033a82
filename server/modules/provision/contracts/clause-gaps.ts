import { CONTRACT_CLAUSES } from '../../../../shared/api/provision-contracts.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import { gapAt } from '../../organisation/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** Contracts being drafted or in force (A19-1 asks the six clauses of each). */
const OPEN = ['draft', 'active', 'ending'];

/**
 * Issue 10 (A19-1): a contract drafted or in force that lacks any of the six clauses (unsaved
 * clauses count as absent) is a gap of its section's 保護管理者, who concludes it. Label: the
 * contract's number.
 */
export function createClauseGaps(deps: Pick<ProvisionDeps, 'database' | 'clock' | 'names'>) {
  return async (): Promise<GapView[]> => {
    const db = deps.database.db;
    const rows = await db
      .selectFrom('provision_contracts')
      .select(['id', 'number', 'unit_id', 'section_id'])
      .where('status', 'in', OPEN)
      .orderBy('number')
      .execute();
    if (rows.length === 0) return [];
    const present = await db
      .selectFrom('provision_contract_clauses')
      .select(['contract_id', 'clause'])
      .where('present', '=', 1)
      .where(
        'contract_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const have = new Map<string, Set<string>>();
    for (const p of present) {
      const set = have.get(p.contract_id) ?? new Set<string>();
      set.add(p.clause);
      have.set(p.contract_id, set);
    }
    const lacking = rows.filter((r) => CONTRACT_CLAUSES.some((c) => !have.get(r.id)?.has(c)));
    if (lacking.length === 0) return [];
    const names = await deps.names();
    return lacking.map((r) =>
      gapAt(names, {
        kind: 'contract_clauses_missing',
        role: 'protection_manager',
        scope: 'section',
        unitId: r.unit_id,
        sectionId: r.section_id,
        article: 'A19-1',
        path: `/provision/contracts/${r.id}`,
        label: r.number,
      }),
    );
  };
}
