import type { EntryFields, PublicEntryView } from '../../../shared/api/register.ts';
import { entryFields } from '../../../shared/api/register.ts';
import { AGENCY_NAME } from '../../../shared/register-fields.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDeps } from './register.deps.ts';
import { registerRepo } from './register.repo.ts';
import { indexEntries, search, type Indexed, type PublicQuery } from './public/public-search.ts';

/**
 * The public register (A20-2, 法75: published on the internet): the accepted version of every file
 * still held whose entry is not exempt (法74②, 75③). Nothing else — no draft, no struck file, no
 * internal field — is reachable without signing in.
 */
export function createPublicRegister(deps: Pick<RegisterDeps, 'database' | 'names'>) {
  // The projection is built once per change of the register (or of the units' names) and kept: a
  // public search then filters memory instead of reading and parsing every entry (bench/register.ts).
  // The revision is read on every request, so a change made on another app server shows at once.
  let cached: {
    stamp: string;
    entries: PublicEntryView[];
    index: Indexed[];
    units: { id: string; name: string }[];
    byId: Map<string, PublicEntryView>;
  } | null = null;

  // Names of units are read again at most every 30 seconds (a renamed college shows within that).
  let names: { at: number; value: Awaited<ReturnType<RegisterDeps['names']>> } | null = null;
  async function unitNames() {
    if (!names || Date.now() - names.at > 30_000) names = { at: Date.now(), value: await deps.names() };
    return names.value.units;
  }

  async function current() {
    const [stamp, units] = await Promise.all([registerRepo.publicRevision(deps.database.db), unitNames()]);
    const key = `${stamp}|${[...units].join(';')}`;
    if (cached?.stamp === key) return cached;
    const rows = await registerRepo.registered(deps.database.db);
    const order = new Map([...units.keys()].map((id, i) => [id, i]));
    const built = rows
      .filter((r) => r.exemption === 'none')
      .map((r) => present(r.file_id, r.unit_id, units.get(r.unit_id) ?? '', r.fields, r.decided_at ?? ''))
      .sort(
        (a, b) =>
          (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || a.name.localeCompare(b.name, 'ja'),
      );
    const unitList = [...new Map(built.map((e) => [e.unitId, e.unitName])).entries()].map(([id, name]) => ({
      id,
      name,
    }));
    cached = {
      stamp: key,
      entries: built,
      index: indexEntries(built),
      units: unitList,
      byId: new Map(built.map((e) => [e.id, e])),
    };
    return cached;
  }

  /** Published entries, the headquarters and the colleges in their official order, then by name. */
  const entries = async (): Promise<PublicEntryView[]> => (await current()).entries;

  /** The public search (free text and by field, kind, unit), in the same order, and the units listed. */
  async function find(q: PublicQuery) {
    const c = await current();
    return { found: search(c.index, q), units: c.units };
  }

  /** One published entry; anything else (exempt, unfinished, struck, unknown) is not found. */
  /** One published entry; anything else (exempt, unfinished, struck, unknown) is not found. */
  async function entry(id: string): Promise<PublicEntryView> {
    const found = (await current()).byId.get(id);
    if (!found) throw new AppError('register.file_not_found');
    return found;
  }

  return { entries, entry, find };
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
