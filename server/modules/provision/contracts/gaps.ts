import type { GapView } from '../../../../shared/api/organisation.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { contractsRepo } from './contracts.repo.ts';
import { expiring, nextDue } from './contracts.reading.ts';
import { gapAt } from '../../organisation/index.ts';

export type ContractGap = Omit<GapView, 'kind'> & {
  kind: 'contract_expiring' | 'contractor_check_overdue' | 'mynumber_supervision_overdue';
};

/**
 * Compliance gaps of outsourcing (issue 9; A19), one per contract, on its section's 保護管理者:
 * - contract_expiring: active and ending within 30 days, or past its end and not closed (A19-1(5):
 *   the erasure or return is due at the end);
 * - contractor_check_overdue: an active contract whose next inspection is past due, or whose
 *   contractor (or a subcontractor in force) has no capability check in date (A19-1, A19-3) — once
 *   per section;
 * - mynumber_supervision_overdue: an active My Number outsourcing whose next supervision is past
 *   due (A19-4).
 */
export function createContractGaps(deps: ProvisionDeps, parties: PartiesModule) {
  return async function gaps(): Promise<ContractGap[]> {
    const db = deps.database.db;
    const rows = await contractsRepo.open(db);
    if (rows.length === 0) return [];
    const today = deps.clock.today();
    const checks = await contractsRepo.checks(
      db,
      rows.map((r) => r.id),
    );
    const names = await deps.names();
    const found: ContractGap[] = [];
    for (const row of rows) {
      const gap = (kind: ContractGap['kind'], article: string) =>
        found.push(
          gapAt(names, {
            kind,
            role: 'protection_manager',
            scope: 'section',
            unitId: row.unit_id,
            sectionId: row.section_id,
            article,
          }),
        );
      if (expiring(row, today)) gap('contract_expiring', 'A19-1');
      if (row.status !== 'active') continue;
      const mine = checks.filter((c) => c.contract_id === row.id);
      const inspection = nextDue(mine, 'inspection');
      if (inspection && inspection < today) gap('contractor_check_overdue', 'A19-1');
      const supervision = nextDue(mine, 'supervision');
      if (row.my_number === 1 && supervision && supervision < today)
        gap('mynumber_supervision_overdue', 'A19-4');
    }
    // The parties' capability checks (A19-1), for those working under active contracts.
    const active = rows.filter((r) => r.status === 'active');
    const subs = await contractsRepo.subcontracts(
      db,
      active.map((r) => r.id),
    );
    const places = [
      ...active.map((r) => ({ partyId: r.party_id, unitId: r.unit_id, sectionId: r.section_id })),
      ...subs
        .filter((x) => x.status === 'permitted' || x.status === 'working')
        .flatMap((x) => {
          const r = active.find((c) => c.id === x.contract_id);
          return r ? [{ partyId: x.party_id, unitId: r.unit_id, sectionId: r.section_id }] : [];
        }),
    ];
    const flagged = new Set(
      found.filter((g) => g.kind === 'contractor_check_overdue').map((g) => g.sectionId),
    );
    for (const g of await parties.contractorCheckGaps(places)) if (!flagged.has(g.sectionId)) found.push(g);
    return found;
  };
}
