import type { Severity } from '../../../shared/api/compliance.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import { articleOf, familyOfArticle, type ArticleFamily } from '../../../shared/compliance/articles.ts';

type GapKind = GapView['kind'];

/**
 * How serious each gap kind is (a cell takes its worst gap's colour). Red: a duty of the rule is
 * unmet now (a seat empty or wrongly held, a deadline passed that the law or the rule fixes, data out
 * of control); amber: a periodic review or check is late, or a matter is still being handled.
 */
export const SEVERITY: Record<GapKind, Severity> = {
  vacancy: 'red', // A4–A8, A7の2: a seat the rule requires is empty
  duplicate: 'red', // A4–A6, A8: a one-person seat held twice
  expired: 'red', // A3–A8: an appointment past its term still relied on
  inactive_holder: 'red', // A3: a seat held by someone who has left
  review_overdue: 'amber', // A21の2: the password policy's periodic review is late
  analysis_unsigned: 'amber', // A22-1: a log analysis awaits its reader's signature
  grant_review_overdue: 'amber', // A11-1: an access grant's periodic review is late
  media_return_overdue: 'red', // A12(3), A14: a medium taken out is not back
  usage_review_unsigned: 'amber', // A16: a month of the usage ledger awaits its review
  incident_deadline_overdue: 'red', // A34, 法68①: a report or measure past its due date
  contract_expiring: 'amber', // A19-1(5): a contract ends soon or ended unclosed
  contractor_check_overdue: 'amber', // A19-1, A19-3: the contractor's check or inspection is late
  mynumber_supervision_overdue: 'red', // A19-4: My Number outsourcing left unsupervised
  provision_check_overdue: 'amber', // A18-2: a provision's check or improvement request is late
  // A10: required training lapsed (a grant holder's lapse suspends the grant: treated as red for
  // everyone, since the training module's gap does not say whether a holder is affected).
  training_overdue: 'red',
  audit_finding_overdue: 'red', // A36: an audit's corrective action is past due
  inspection_overdue: 'amber', // A37: a section's periodic inspection is late
  evaluation_overdue: 'amber', // A38: the yearly evaluation is late
  register_amendment_overdue: 'amber', // A20-3: an entry sent back is not corrected in 14 days
  contract_clauses_missing: 'red', // A19-1: a contract lacks one of the six clauses
  incident_open: 'amber', // A34: an incident still being handled
  device_return_overdue: 'red', // A30-2: a device or medium taken out is not back
  system_check_overdue: 'amber', // A23, A24: a system's network, patch or malware check is late
  room_inspection_overdue: 'amber', // A33: a room's safeguards are not inspected on time
  backup_overdue: 'red', // A27: no good backup within its period (or none configured)
  restore_test_overdue: 'amber', // A27: no restore tested within its period
  request_overdue: 'red', // 法83, 法94, 法102: an individual's request past its statutory period
};

/**
 * The page behind a gap when its source did not say (routes of web/features and web/app/router.tsx).
 * Ids only, never personal data, in the query.
 */
export function defaultPath(gap: GapView): string {
  switch (gap.kind) {
    case 'vacancy':
    case 'duplicate':
    case 'expired':
    case 'inactive_holder':
      return gap.unitId ? `/organisation/gaps?unit=${gap.unitId}` : '/organisation/gaps';
    case 'review_overdue':
      return '/admin/password-policy';
    case 'analysis_unsigned':
      return '/logs/analysis';
    case 'grant_review_overdue': // each file's grants page is reached from the vault's files
    case 'usage_review_unsigned': // each file's usage ledger likewise
      return '/vault';
    case 'media_return_overdue':
      return '/handling/movements';
    case 'incident_deadline_overdue':
    case 'incident_open':
      return '/incidents';
    case 'contract_expiring':
    case 'contractor_check_overdue':
    case 'mynumber_supervision_overdue':
    case 'contract_clauses_missing':
      return '/provision/contracts';
    case 'provision_check_overdue':
      return '/provision/provisions';
    case 'training_overdue':
      return '/training';
    case 'audit_finding_overdue':
      return '/audits';
    case 'inspection_overdue':
      return '/oversight/inspections';
    case 'evaluation_overdue':
      return '/oversight/evaluations';
    case 'register_amendment_overdue':
      return '/register-admin';
    case 'device_return_overdue':
      return '/facilities/devices';
    case 'system_check_overdue':
      return '/facilities/systems';
    case 'room_inspection_overdue':
      return '/facilities/rooms';
    case 'backup_overdue':
    case 'restore_test_overdue':
      return '/facilities/backups';
    case 'request_overdue':
      return '/requests';
  }
}

/** The column of a gap: its article's family ('other' for an article outside 第3–41条). */
export function familyOfGap(gap: Pick<GapView, 'article'>): ArticleFamily {
  const n = articleOf(gap.article);
  return (n !== null ? familyOfArticle(n) : null) ?? 'other';
}

/** A gap with its severity, family, page and stable key (kind|role|unit|section|article|path). */
export interface Classified {
  gap: GapView;
  key: string;
  severity: Severity;
  family: ArticleFamily;
  path: string;
}

export function classify(gap: GapView): Classified {
  const path = gap.path ?? defaultPath(gap);
  const key = [gap.kind, gap.role, gap.unitId ?? '', gap.sectionId ?? '', gap.article, path].join('|');
  return { gap, key, severity: SEVERITY[gap.kind], family: familyOfGap(gap), path };
}
