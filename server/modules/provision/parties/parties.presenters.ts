import {
  contactView,
  isPublicBodyKind,
  type CheckMethod,
  type CheckResult,
  type CheckState,
  type CheckView,
  type PartyKind,
  type PartySummaryView,
  type PartyView,
} from '../../../../shared/api/provision-parties.ts';
import type { CheckRow, DocumentRow, PartyRow } from './parties.repo.ts';

/** Names of people, looked up once per view. */
export type NameOf = (personId: string) => Promise<string>;

export const evidencePath = (partyId: string, documentId: string) =>
  `/api/provision/parties/${partyId}/evidence/${documentId}`;

/**
 * A contractor's check state (A19-1): none recorded, current, or overdue once the next due day has
 * passed (due today is still current). Parties that are not contractors: not_applicable.
 */
export function checkStateOf(row: PartyRow, latest: CheckRow | null, today: string): CheckState {
  if (!row.contractor) return 'not_applicable';
  if (!latest) return 'none';
  return latest.next_due_on < today ? 'overdue' : 'current';
}

export function presentSummary(row: PartyRow, latest: CheckRow | null, today: string): PartySummaryView {
  const kind = row.kind as PartyKind;
  return {
    id: row.id,
    kind,
    isPublicBody: isPublicBodyKind(kind),
    name: row.name,
    corporateNumber: row.corporate_number,
    contractor: row.contractor === 1,
    active: row.active === 1,
    lastCheckedOn: latest?.checked_on ?? null,
    lastResult: (latest?.result as CheckResult | undefined) ?? null,
    nextCheckDueOn: latest?.next_due_on ?? null,
    checkState: checkStateOf(row, latest, today),
  };
}

export async function presentCheck(row: CheckRow, docs: DocumentRow[], nameOf: NameOf): Promise<CheckView> {
  return {
    id: row.id,
    partyId: row.party_id,
    checkedOn: row.checked_on,
    method: row.method as CheckMethod,
    certification: row.certification,
    findings: row.findings,
    result: row.result as CheckResult,
    nextDueOn: row.next_due_on,
    checkedByName: await nameOf(row.checked_by),
    recordedAt: row.recorded_at,
    evidence: await Promise.all(
      docs
        .filter((d) => d.check_id === row.id)
        .map(async (d) => ({
          id: d.id,
          fileName: d.file_name,
          contentType: d.content_type,
          size: d.size,
          sha256: d.sha256,
          uploadedAt: d.uploaded_at,
          uploadedByName: await nameOf(d.uploaded_by),
          path: evidencePath(row.party_id, d.id),
        })),
    ),
  };
}

export async function presentParty(
  row: PartyRow,
  checks: CheckRow[],
  docs: DocumentRow[],
  today: string,
  nameOf: NameOf,
  can: PartyView['can'],
): Promise<PartyView> {
  const contacts = contactView.array().safeParse(JSON.parse(row.contacts));
  return {
    ...presentSummary(row, checks[0] ?? null, today),
    address: row.address,
    contacts: contacts.success ? contacts.data : [],
    managementStructure: row.management_structure,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    checks: await Promise.all(checks.map((c) => presentCheck(c, docs, nameOf))),
    can,
  };
}
