import {
  CONTRACT_CLAUSES,
  CONTRACT_EXPIRING_DAYS,
  type ContractClause,
} from '../../../../shared/api/provision-contracts.ts';
import type { RequestRow } from '../../approvals/index.ts';
import type {
  CheckRow,
  ClauseRow,
  ContractRow,
  DocumentRow,
  ImprovementRow,
  SubcontractRow,
} from './contracts.repo.ts';

/** A contract with everything recorded under it. */
export interface Loaded {
  row: ContractRow;
  clauses: ClauseRow[];
  subcontracts: SubcontractRow[];
  checks: CheckRow[];
  improvements: ImprovementRow[];
  documents: DocumentRow[];
  /** The latest contract_exception request (A19-1), if any. */
  exception: RequestRow | null;
}

export const fileIdsOf = (row: { file_ids: string }): string[] => JSON.parse(row.file_ids) as string[];

/** A Tokyo day `n` days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A19-1: the clauses not stated in the contract (unsaved clauses count as absent). */
export function absentClauses(clauses: ClauseRow[]): ContractClause[] {
  const present = new Set(clauses.filter((c) => c.present === 1).map((c) => c.clause));
  return CONTRACT_CLAUSES.filter((c) => !present.has(c));
}

/** The exception's clauses, as requested. */
export const exceptionClauses = (req: RequestRow): ContractClause[] =>
  ((JSON.parse(req.payload) as { clauses?: ContractClause[] }).clauses ?? []).slice();

/** An exception in force: approved and not yet expired, or used at the activation (done). */
export const exceptionInForce = (req: RequestRow | null, now: string): boolean =>
  req !== null && ((req.status === 'approved' && req.expires_at > now) || req.status === 'done');

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The clauses covered by an exception in force for exactly the absent ones (A19-1). */
export function exceptedClauses(l: Loaded, now: string): ContractClause[] {
  if (!exceptionInForce(l.exception, now)) return [];
  const clauses = exceptionClauses(l.exception!);
  // Once active the exception stays what it covered; while draft it must match the absent clauses.
  if (l.row.status !== 'draft') return clauses;
  return sameSet(clauses, absentClauses(l.clauses)) ? clauses : [];
}

/** Clauses neither present nor excepted. */
export function missingClauses(l: Loaded, now: string): ContractClause[] {
  const excepted = new Set(exceptedClauses(l, now));
  return absentClauses(l.clauses).filter((c) => !excepted.has(c));
}

/** Why activation would be refused now (error codes, in the order they are checked). */
export function activationBlockers(l: Loaded, now: string): string[] {
  const out: string[] = [];
  const absent = absentClauses(l.clauses);
  // A19-2: a dispatch contract states confidentiality; no exception reaches it.
  if (l.row.kind === 'dispatch' && absent.includes('confidentiality'))
    out.push('provision.contract_dispatch_confidentiality');
  else if (missingClauses(l, now).length) out.push('provision.contract_clauses_missing');
  // A19-4: a My Number outsourcing is supervised to a plan.
  if (l.row.my_number === 1 && !l.row.supervision_plan)
    out.push('provision.contract_supervision_plan_required');
  return out;
}

/** Active and ending within CONTRACT_EXPIRING_DAYS, or past its end and not closed. */
export function expiring(row: ContractRow, today: string): boolean {
  if (row.status === 'active' && row.ends_on <= addDays(today, CONTRACT_EXPIRING_DAYS)) return true;
  return row.status === 'ending' && row.ends_on < today;
}

/** The next due of a kind of check: that of the latest record (null when none or none planned). */
export function nextDue(checks: CheckRow[], kind: 'inspection' | 'supervision'): string | null {
  const latest = checks
    .filter((c) => c.kind === kind)
    .sort(
      (a, b) => b.checked_on.localeCompare(a.checked_on) || b.recorded_at.localeCompare(a.recorded_at),
    )[0];
  return latest?.next_due_on ?? null;
}

/** The depth of a subcontract in its chain: 1 under the contract, 2 under a subcontract, … */
export function depthOf(sub: SubcontractRow, all: SubcontractRow[]): number {
  let depth = 1;
  let parent = sub.parent_id;
  while (parent && depth < 50) {
    depth++;
    parent = all.find((s) => s.id === parent)?.parent_id ?? null;
  }
  return depth;
}

/** Subcontracts in chain order: each followed by those under it. */
export function chainOrder(all: SubcontractRow[]): SubcontractRow[] {
  const out: SubcontractRow[] = [];
  const walk = (parent: string | null) => {
    for (const s of all.filter((x) => x.parent_id === parent)) {
      out.push(s);
      walk(s.id);
    }
  };
  walk(null);
  return out;
}
