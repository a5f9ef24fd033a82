import type { GapView } from '../../../../shared/api/organisation.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { contractsRepo } from './contracts.repo.ts';
import { expiring, nextDue } from './contracts.reading.ts';

export type ContractGap = Omit<GapView, 'kind'> & {
  kind: 'contract_expiring' | 'contractor_check_overdue' | 'mynumber_supervision_overdue';
};

/**
 * Compliance gaps of outsourcing (issue 9; A19), one per contract, on its section's 保護管理者:
 * - contract_expiring: active and ending within 30 days, or past its end and not closed (A19-1(5):
 *   the erasure or return is due at the end);
 * - contractor_check_overdue: an active contract whose next inspection is past due (A19-1);
 * - mynumber_supervision_overdue: an active My Number outsourcing whose next supervision is past
 *   due (A19-4).
 */
export function createContractGaps(deps: ProvisionDeps) {
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
        found.push({
          kind,
          role: 'protection_manager',
          scopeKind: 'section',
          unitId: row.unit_id,
          unitName: names.units.get(row.unit_id) ?? null,
          sectionId: row.section_id,
          sectionName: names.sections.get(row.section_id) ?? null,
          appointmentIds: [],
          article,
        });
      if (expiring(row, today)) gap('contract_expiring', 'A19-1');
      if (row.status !== 'active') continue;
      const mine = checks.filter((c) => c.contract_id === row.id);
      const inspection = nextDue(mine, 'inspection');
      if (inspection && inspection < today) gap('contractor_check_overdue', 'A19-1');
      const supervision = nextDue(mine, 'supervision');
      if (row.my_number === 1 && supervision && supervision < today)
        gap('mynumber_supervision_overdue', 'A19-4');
    }
    return found;
  };
}
