import type { EntryFields, PublicEntryView } from '../../../shared/api/register.ts';
import { entryFields } from '../../../shared/api/register.ts';
import { AGENCY_NAME } from '../../../shared/register-fields.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDeps } from './register.deps.ts';
import { registerRepo } from './register.repo.ts';

/**
 * The public register (A20-2, 法75: published on the internet): the accepted version of every file
 * still held whose entry is not exempt (法74②, 75③). Nothing else — no draft, no struck file, no
 * internal field — is reachable without signing in.
 */
export function createPublicRegister(deps: Pick<RegisterDeps, 'database' | 'names'>) {
  /** Published entries, the headquarters and the colleges in their official order, then by name. */
  async function entries(): Promise<PublicEntryView[]> {
    const rows = await registerRepo.registered(deps.database.db);
    const { units } = await deps.names();
    const order = new Map([...units.keys()].map((id, i) => [id, i]));
    return rows
      .filter((r) => r.exemption === 'none')
      .map((r) => present(r.file_id, r.unit_id, units.get(r.unit_id) ?? '', r.fields, r.decided_at ?? ''))
      .sort(
        (a, b) =>
          (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || a.name.localeCompare(b.name, 'ja'),
      );
  }

  async function entry(id: string): Promise<PublicEntryView> {
    const found = (await entries()).find((e) => e.id === id);
    if (!found) throw new AppError('register.file_not_found');
    return found;
  }

  return { entries, entry };
}

function present(
  id: string,
  unitId: string,
  unitName: string,
  json: string,
  updatedAt: string,
): PublicEntryView {
  const f: EntryFields = entryFields.parse(JSON.parse(json));
  return {
    id,
    unitId,
    unitName,
    name: f.name,
    agencyName: AGENCY_NAME,
    department: f.department,
    purpose: f.purpose,
    recordItems: f.recordItems,
    recordRange: f.recordRange,
    collectionMethod: f.collectionMethod,
    sensitive: f.sensitive,
    regularRecipients: f.regularRecipients,
    requestOffice: f.requestOffice,
    specialProcedures: f.specialProcedures,
    kind: f.kind,
    rei20Para7: f.rei20Para7,
    anonProposalsInvited: f.anonProposalsInvited,
    anonProposalOffice: f.anonProposalOffice,
    anonInfoSummary: f.anonInfoSummary,
    anonInfoOffice: f.anonInfoOffice,
    anonInfoPeriod: f.anonInfoPeriod,
    remarks: f.remarks,
    updatedAt,
  };
}

export type PublicRegister = ReturnType<typeof createPublicRegister>;
