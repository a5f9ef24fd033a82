import type { Policy } from '../../../platform/authz/index.ts';
import type { Job } from '../../../platform/jobs/scheduler.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { createActivation } from './activation.ts';
import { createChecks } from './checks.ts';
import { createClosing } from './closing.ts';
import { createContractsCore } from './contracts.core.ts';
import { contractsPolicy } from './contracts.policy.ts';
import { createContractsService } from './contracts.service.ts';
import { createDocuments } from './documents.ts';
import { createContractGaps } from './gaps.ts';
import { createSubcontracts } from './subcontracts.ts';

export { contractsRoutes } from './contracts.routes.ts';
export type { ContractGap } from './gaps.ts';

/**
 * Outsourcing (issue 9; A19): contracts with the work, files, period and kind (委託 / 派遣); the six
 * clauses of A19-1 with the 総括保護管理者's exception; dispatch confidentiality (A19-2);
 * subcontracting only with permission, shown as a chain (A19-3); My Number supervision (A19-4);
 * inspections; the end with the erasure or return confirmed (A19-1(5)). Gaps: contracts expiring,
 * inspections and supervision overdue.
 */
export function createContracts(h: ProvisionDeps, parties: PartiesModule) {
  const core = createContractsCore(h, parties);
  const contracts = createContractsService(core);
  const get = contracts.get;
  const activation = createActivation(core, get);
  const subcontracts = createSubcontracts(core, get);
  const checks = createChecks(core, get);
  const closing = createClosing(core, get);
  const documents = createDocuments(core, get);
  return {
    list: contracts.list,
    create: contracts.create,
    get,
    update: contracts.update,
    saveClauses: contracts.saveClauses,
    uploadDocument: documents.upload,
    readDocument: documents.read,
    requestException: activation.requestException,
    activate: activation.activate,
    subcontracts: subcontracts.list,
    requestSubcontract: subcontracts.request,
    startSubcontract: subcontracts.start,
    endSubcontract: subcontracts.end,
    inspect: checks.inspect,
    completeImprovement: checks.completeRequest,
    supervise: checks.supervise,
    end: closing.end,
    confirmErasure: closing.confirmErasure,
    close: closing.close,
    /** For the views helper: contracts involving a file / a party (plain summaries, no access check). */
    byFile: contracts.byFile,
    byParty: contracts.byParty,
    gaps: createContractGaps(h, parties),
    jobs: [] as Job[],
  };
}
export type ContractsModule = ReturnType<typeof createContracts>;
export const contractsPolicies: Policy[] = [contractsPolicy];
