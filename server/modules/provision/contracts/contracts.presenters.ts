import type {
  ContractCheckMethod,
  ContractDocumentKind,
  ContractKind,
  ContractStatus,
  ContractSummaryView,
  ContractView,
  ErasureMethod,
  SubcontractStatus,
  SubcontractView,
} from '../../../../shared/api/provision-contracts.ts';
import { CONTRACT_CLAUSES } from '../../../../shared/api/provision-contracts.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import type { ContractRow, SubcontractRow } from './contracts.repo.ts';
import {
  activationBlockers,
  chainOrder,
  depthOf,
  exceptedClauses,
  exceptionClauses,
  expiring,
  fileIdsOf,
  missingClauses,
  nextDue,
  type Loaded,
} from './contracts.reading.ts';

/** Names of parties, people, units and sections, each looked up once per presentation. */
export function createNamer(deps: ProvisionDeps, parties: PartiesModule) {
  const partyCache = new Map<string, Promise<string>>();
  const personCache = new Map<string, Promise<string | null>>();
  let names: ReturnType<ProvisionDeps['names']> | null = null;
  return {
    party: (id: string) => {
      let p = partyCache.get(id);
      if (!p) partyCache.set(id, (p = parties.facts(id).then((f) => f?.name ?? '—')));
      return p;
    },
    person: (id: string | null) => {
      if (!id) return Promise.resolve(null);
      let p = personCache.get(id);
      if (!p) personCache.set(id, (p = deps.person(id).then((x) => x?.name ?? null)));
      return p;
    },
    names: () => (names ??= deps.names()),
  };
}
export type Namer = ReturnType<typeof createNamer>;

async function subcontractorsOf(n: Namer, subs: SubcontractRow[]) {
  return Promise.all(
    chainOrder(subs).map(async (s) => ({
      partyId: s.party_id,
      partyName: await n.party(s.party_id),
      depth: depthOf(s, subs),
      status: s.status as SubcontractStatus,
    })),
  );
}

/** A contract as a list row (and for the views by file and by party). */
export async function presentSummary(
  n: Namer,
  l: Pick<Loaded, 'row' | 'clauses' | 'exception' | 'subcontracts'>,
  now: string,
  today: string,
): Promise<ContractSummaryView> {
  const row = l.row;
  const names = await n.names();
  const full = { ...l, checks: [], improvements: [], documents: [] };
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    reference: row.reference,
    kind: row.kind as ContractKind,
    status: row.status as ContractStatus,
    partyId: row.party_id,
    partyName: await n.party(row.party_id),
    unitId: row.unit_id,
    unitName: names.units.get(row.unit_id) ?? '—',
    sectionId: row.section_id,
    sectionName: names.sections.get(row.section_id) ?? '—',
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    myNumber: row.my_number === 1,
    missingClauses: missingClauses(full, now),
    expiring: expiring(row, today),
    subcontractors: await subcontractorsOf(n, l.subcontracts),
  };
}

export async function presentSubcontract(
  n: Namer,
  s: SubcontractRow,
  all: SubcontractRow[],
  requestNumber: string | null,
): Promise<SubcontractView> {
  return {
    id: s.id,
    parentId: s.parent_id,
    depth: depthOf(s, all),
    partyId: s.party_id,
    partyName: await n.party(s.party_id),
    work: s.work,
    fileIds: fileIdsOf(s),
    status: s.status as SubcontractStatus,
    requestId: s.request_id,
    requestNumber,
    requestedAt: s.requested_at,
    decidedAt: s.decided_at,
    startedAt: s.started_at,
  };
}

/**
 * What the caller may do now, from keeping the contract (or, for subcontracting, being of the
 * section that works with it: A19-3) and its stage.
 */
export function capsOf(keeps: boolean, l: Loaded, now: string, asks = keeps): ContractView['can'] {
  const st = l.row.status;
  const running = st === 'active' || st === 'ending';
  const pending = l.exception?.status === 'submitted' || l.exception?.status === 'sent_back';
  return {
    edit: keeps && st === 'draft',
    activate: keeps && st === 'draft' && activationBlockers(l, now).length === 0,
    requestException: keeps && st === 'draft' && !pending && missingClauses(l, now).length > 0,
    subcontract: (keeps || asks) && (st === 'draft' || st === 'active'),
    inspect: keeps && running,
    supervise: keeps && running && l.row.my_number === 1,
    end: keeps && st === 'active',
    confirmErasure: keeps && st === 'ending',
    close: keeps && st === 'ending' && l.row.erasure_at !== null,
  };
}

/** The whole contract as the caller may see it. */
export async function presentContract(
  deps: ProvisionDeps,
  n: Namer,
  l: Loaded,
  keeps: boolean,
  now: string,
  today: string,
  asks = keeps,
): Promise<ContractView> {
  const row: ContractRow = l.row;
  const summary = await presentSummary(n, l, now, today);
  const excepted = new Set(exceptedClauses(l, now));
  const files = await Promise.all(
    fileIdsOf(row).map(async (id) => {
      const f = await deps.fileFacts(id);
      return { id, name: f?.name ?? '—', myNumber: f?.myNumber ?? false };
    }),
  );
  const requestNumber = async (id: string | null) =>
    id ? ((await deps.approvals.row(id))?.number ?? null) : null;
  const subs = chainOrder(l.subcontracts);
  return {
    ...summary,
    work: row.work,
    supervisionPlan: row.supervision_plan,
    files,
    clauses: CONTRACT_CLAUSES.map((clause) => {
      const c = l.clauses.find((x) => x.clause === clause);
      return {
        clause,
        present: c?.present === 1,
        reference: c?.reference ?? null,
        note: c?.note ?? null,
        excepted: excepted.has(clause),
      };
    }),
    // The latest document of each kind (earlier ones stay on disk for the record).
    documents: await Promise.all(
      l.documents
        .filter((d, i, all) => all.findIndex((x) => x.kind === d.kind) === i)
        .map(async (d) => ({
          kind: d.kind as ContractDocumentKind,
          name: d.file_name,
          size: d.size,
          contentType: d.content_type,
          uploadedAt: d.uploaded_at,
          uploadedByName: await n.person(d.uploaded_by),
        })),
    ),
    exception: l.exception
      ? {
          requestId: l.exception.id,
          number: l.exception.number,
          clauses: exceptionClauses(l.exception),
          reason: l.exception.reason,
          status: l.exception.status,
          requestedAt: l.exception.requested_at,
        }
      : null,
    subcontracts: await Promise.all(
      subs.map(async (s) => presentSubcontract(n, s, l.subcontracts, await requestNumber(s.request_id))),
    ),
    inspections: await Promise.all(
      l.checks
        .filter((c) => c.kind === 'inspection')
        .map(async (c) => ({
          id: c.id,
          on: c.checked_on,
          method: c.method as ContractCheckMethod,
          findings: c.findings,
          nextDue: c.next_due_on,
          byName: await n.person(c.checked_by),
          requests: l.improvements
            .filter((r) => r.check_id === c.id)
            .map((r) => ({
              id: r.id,
              text: r.text,
              due: r.due_on,
              doneAt: r.done_at,
              doneNote: r.done_note,
              overdue: !r.done_at && r.due_on !== null && r.due_on < today,
            })),
        })),
    ),
    supervisions: await Promise.all(
      l.checks
        .filter((c) => c.kind === 'supervision')
        .map(async (c) => ({
          id: c.id,
          on: c.checked_on,
          method: c.method as ContractCheckMethod,
          findings: c.findings,
          nextDue: c.next_due_on,
          byName: await n.person(c.checked_by),
        })),
    ),
    erasure:
      row.erasure_at && row.erasure_on && row.erasure_method
        ? {
            on: row.erasure_on,
            method: row.erasure_method as ErasureMethod,
            evidence: row.erasure_evidence ?? '',
            confirmedByName: await n.person(row.erasure_by),
            confirmedAt: row.erasure_at,
          }
        : null,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    endedAt: row.ended_at,
    endNote: row.end_note,
    closedAt: row.closed_at,
    nextInspectionDue: nextDue(l.checks, 'inspection'),
    nextSupervisionDue: nextDue(l.checks, 'supervision'),
    activationBlockers: row.status === 'draft' ? activationBlockers(l, now) : [],
    can: capsOf(keeps, l, now, asks),
  };
}
