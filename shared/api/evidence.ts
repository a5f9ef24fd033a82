import { z } from 'zod';

/**
 * Mamori's own records an audit can cite as evidence (A36, issue 10). Each source lists, for a scope
 * (units and a period), the records of its kind the caller of the audit may link; the audit keeps
 * the label and path it was given, so the item still reads the same when the record changes.
 */
export const EVIDENCE_KINDS = [
  'log_analysis', // A22-1: signed-off reports of the access-log analysis
  'grant_review', // A11-1: reviews of vault grants
  'training', // A10: training sessions and their completion
  'incident', // A34–A35
  'register_entry', // A20: entries of the register
  'contract', // A19: outsourcing contracts
  'provision', // A18: provisions to third parties
  'inspection', // A37: inspections by 保護管理者
  'committee_meeting', // A9: meetings of the committee
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const evidenceItem = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  /** The record's id in its module. */
  ref: z.string().min(1).max(100),
  /** What the auditor sees (a number and a title; never personal data of held persons). */
  label: z.string().max(300),
  /** The page in Mamori that shows the record (a path beginning with /). */
  path: z.string().startsWith('/').max(300),
  /** When the record was made or signed off (ISO-8601). */
  at: z.string(),
  unitId: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

/** Which records to list: units (null = all) and a period of days (YYYY-MM-DD, inclusive). */
export interface EvidenceScope {
  unitIds: string[] | null;
  from: string;
  to: string;
}

export type EvidenceSource = (scope: EvidenceScope) => Promise<EvidenceItem[]>;

/**
 * The instants a scope's days span in Tokyo (UTC+9, no daylight saving), as ISO text like the
 * stored instants: from the start of its first day up to (not including) the start of the day
 * after its last, so that `from <= at < to` holds for the records of the period.
 */
export function scopeInstants(s: EvidenceScope): { from: string; to: string } {
  return {
    from: new Date(`${s.from}T00:00:00+09:00`).toISOString(),
    to: new Date(new Date(`${s.to}T00:00:00+09:00`).getTime() + 86_400_000).toISOString(),
  };
}

/** An audit as the yearly evaluation (A38) takes it as input. */
export interface AuditSummary {
  id: string;
  number: string;
  title: string;
  kind: string;
  /** The units in the audit's scope, or null for every unit. */
  unitIds: string[] | null;
  /** When the report went to the 総括保護管理者, or null while not reported. */
  reportedAt: string | null;
  findings: number;
  openFindings: number;
  path: string;
}
