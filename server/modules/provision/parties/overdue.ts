import type { GapView } from '../../../../shared/api/organisation.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { checkStateOf } from './parties.presenters.ts';
import { partiesRepo } from './parties.repo.ts';
import { gapAt } from '../../organisation/index.ts';

/** An active contractor whose capability check (A19-1) was never recorded or is past due. */
export interface OverdueContractor {
  partyId: string;
  name: string;
  lastCheckedOn: string | null;
  /** null when never checked. */
  nextCheckDueOn: string | null;
}

/** Where a contractor works for the organisation: an active contract's section (from the contracts part). */
export interface ContractorPlace {
  partyId: string;
  unitId: string;
  sectionId: string;
}

export type ContractorCheckGap = Omit<GapView, 'kind'> & { kind: 'contractor_check_overdue' };

/**
 * Overdue capability checks (A19-1). The register of parties does not know contracts, and a
 * contractor no one works with owes nothing; so the gap is made only for contractors with an active
 * contract: the contracts part (or the module) passes where each contractor works, and the gap
 * falls on that section's 保護管理者 (A19 names the 保護管理者), once per section.
 */
export function createOverdue(deps: ProvisionDeps) {
  async function overdueContractors(): Promise<OverdueContractor[]> {
    const today = deps.clock.today();
    const all = await partiesRepo.contractorsWithLatest(deps.database.db);
    return all
      .filter((x) => checkStateOf(x.party, x.latest, today) !== 'current')
      .map((x) => ({
        partyId: x.party.id,
        name: x.party.name,
        lastCheckedOn: x.latest?.checked_on ?? null,
        nextCheckDueOn: x.latest?.next_due_on ?? null,
      }));
  }

  async function contractorCheckGaps(places: ContractorPlace[]): Promise<ContractorCheckGap[]> {
    if (places.length === 0) return [];
    const overdue = new Set((await overdueContractors()).map((o) => o.partyId));
    const hit = places.filter((p) => overdue.has(p.partyId));
    if (hit.length === 0) return [];
    const names = await deps.names();
    const seen = new Set<string>();
    const gaps: ContractorCheckGap[] = [];
    for (const p of hit) {
      if (seen.has(p.sectionId)) continue;
      seen.add(p.sectionId);
      gaps.push(
        gapAt(names, {
          kind: 'contractor_check_overdue',
          role: 'protection_manager',
          scope: 'section',
          unitId: p.unitId,
          sectionId: p.sectionId,
          article: 'A19-1',
        }),
      );
    }
    return gaps;
  }

  return { overdueContractors, contractorCheckGaps };
}
