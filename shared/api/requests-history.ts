import type { Role } from '../roles.ts';

/**
 * Individuals' requests — the ACCESS HISTORY (issue 12; features §10; rule 65 A22-1 the record of
 * access, A22-2 its protection against alteration; A11-3 the purpose of every access): for a request
 * whose records a handler confirmed, every access to those records from the verifiable log (ADR
 * 0003) — who by role and section (never by name or employee number), when, for what purpose — with
 * RFC 9162 inclusion proofs against a signed checkpoint, so that the person can check with an
 * independent verifier (`npx mamori log verify-history`) that nothing was edited.
 *
 * Routes (under /api/requests):
 * - GET /:id/history        → HistoryView (handlers and the 監査責任者)
 * - GET /:id/history.json   → HistoryBundle as a download (handlers; audit 'requests.history_issued')
 * - GET /:id/history.pdf    → the same rows as a document for the requester (handlers; same audit)
 * Before any record is confirmed: 409 'requests.history_no_records'.
 *
 * Who may see whose name: nobody through these routes. The rows name the accessor's role and
 * section as they are now; a handler who must know who it was opens the log entry (entryId) in the
 * log explorer, whose own policy decides (A22). The bundle must carry each entry's canonical bytes
 * (the leaf hashes every column), which hold the accessor's staff id, employee number (actor
 * label), IP address and terminal id: those are the price of an independent check (see the report
 * of issue 12); neither the view nor the PDF shows them.
 */

export const HISTORY_BUNDLE_FORMAT = 'mamori-access-history/v1';

// ───────────────────────────── what was done ─────────────────────────────

/** The kinds of access shown to the requester (from the entry type). */
export const HISTORY_ACTIONS = [
  'viewed',
  'identified',
  'listed',
  'searched',
  'revealed',
  'exported',
  'changes',
  'correction',
  'other',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const HISTORY_ACTION_LABELS: Record<HistoryAction, { ja: string; en: string }> = {
  viewed: { ja: '閲覧', en: 'Viewed' },
  identified: { ja: '閲覧（本人確認事項）', en: 'Identifying items viewed' },
  listed: { ja: '閲覧（一覧）', en: 'Viewed in a list' },
  searched: { ja: '検索', en: 'Searched' },
  revealed: { ja: '表示（要配慮項目）', en: 'Sensitive items shown' },
  exported: { ja: '書出し', en: 'Exported' },
  changes: { ja: '変更の確認', en: 'Changes checked' },
  correction: { ja: '訂正の確認', en: 'Correction checked' },
  other: { ja: 'その他の利用', en: 'Other use' },
};

/** The action of a log entry type (vault.record_viewed → viewed …); unknown types are 'other'. */
export function historyActionOf(type: string): HistoryAction {
  if (type.endsWith('fields_revealed')) return 'revealed';
  if (type.endsWith('exported')) return 'exported';
  if (type.endsWith('identified')) return 'identified';
  if (type.endsWith('searched')) return 'searched';
  if (type.endsWith('records_listed')) return 'listed';
  if (type.endsWith('changes_listed')) return 'changes';
  if (type.startsWith('handling.correction')) return 'correction';
  if (type.endsWith('viewed') || type.endsWith('_read')) return 'viewed';
  return 'other';
}

// ───────────────────────────── who ─────────────────────────────

/** The words for a role in the history (職名), and for an accessor without an appointment. */
export const HISTORY_ROLE_LABELS: Record<Role | 'staff' | 'system' | 'former', { ja: string; en: string }> = {
  president: { ja: '理事長', en: 'President' },
  chief_manager: { ja: '総括管理者', en: 'Chief manager' },
  audit_officer: { ja: '監査責任者', en: 'Audit officer' },
  committee_member: { ja: '委員会委員', en: 'Committee member' },
  chief_protection_manager: { ja: '総括保護管理者', en: 'Chief protection manager' },
  protection_manager: { ja: '保護管理者', en: 'Protection manager' },
  protection_officer: { ja: '保護担当者', en: 'Protection officer' },
  mynumber_handler: { ja: '特定個人情報取扱担当者', en: 'My Number handler' },
  system_administrator: { ja: 'システム管理者', en: 'System administrator' },
  staff: { ja: '職員', en: 'Staff member' },
  system: { ja: 'システム（自動処理）', en: 'The system (automatic)' },
  former: { ja: '職員（現在は在籍していない者）', en: 'Former staff member' },
};
export type HistoryRole = keyof typeof HISTORY_ROLE_LABELS;

// ───────────────────────────── views ─────────────────────────────

/** One access to the requester's records, as shown (what the bundle's `shown` also carries). */
export interface HistoryShown {
  occurredAt: string;
  /** The accessor's role in words (保護担当者, 職員 …), as appointed now. */
  actorRole: string;
  /** The accessor's unit and section as they are now (null: none / no longer on the roster). */
  unitName: string | null;
  sectionName: string | null;
  /** The action in words (閲覧, 検索, 表示（要配慮項目） …). */
  action: string;
  fileName: string | null;
  /** The purpose as logged (A11-3). */
  purpose: string | null;
}

export interface HistoryRowView extends HistoryShown {
  /** The log entry (for the handler: the log explorer shows it to those its policy allows). */
  entryId: string;
  leafIndex: number;
  type: string;
  actionCode: HistoryAction;
  actorRoleCode: HistoryRole;
  /** 「東京工業高等専門学校 学生課教務係 保護担当者」: unit, section and role in one line. */
  who: string;
  fileId: string | null;
  /** How many of this request's confirmed records the access named. */
  records: number;
  /** The access was made for this request itself (its data names the request). */
  forThisRequest: boolean;
  /**
   * The entry's details were pruned after the retention period (A22-1): its purpose and time are
   * still in the leaf, but which records it named rests on the log's record index, not on the
   * bundle (the verifier says so).
   */
  pruned: boolean;
  /**
   * The server checked the entry as the person's verifier will (history-bundle.ts): its bytes hash to
   * its leaf, its proof leads to the checkpoint, the time and purpose shown are the logged ones. A
   * failed check is shown to the handler; the bundle and the PDF are then refused
   * (log.integrity_failure) rather than issued.
   */
  verified: boolean;
  problems: string[];
}

/** The signed checkpoint the proofs lead to (published at GET /log/checkpoint). */
export interface HistoryCheckpointView {
  origin: string;
  treeSize: number;
  /** Base64, as in the note. */
  rootHash: string;
  signedAt: string;
  note: string;
  /** The verifier key (GET /log/key). */
  verifierKey: string;
}

export interface HistoryView {
  requestId: string;
  number: string;
  generatedAt: string;
  /** The confirmed records per file (what the history covers). */
  files: { fileId: string; fileName: string; records: number }[];
  rows: HistoryRowView[];
  counts: { entries: number; forThisRequest: number; pruned: number; failed: number };
  checkpoint: HistoryCheckpointView;
  /** The command the requester runs (after downloading the bundle). */
  verifyCommand: string;
  can: { issue: boolean };
}

// ───────────────────────────── the bundle ─────────────────────────────

/** One entry of the bundle: what is shown, and what proves it. */
export interface HistoryBundleEntry {
  shown: HistoryShown;
  leafIndex: number;
  treeSize: number;
  /** The canonical bytes of the entry (base64): ['mamori-log-entry/v1', id, kind, type, …, digest]. */
  entryBytes: string;
  /** The payload JSON exactly as stored (its SHA-256 is the bytes' last element); null once pruned. */
  payload: string | null;
  /** Base64 RFC 9162 leaf hash: SHA-256(0x00 || entryBytes). */
  leafHash: string;
  /** Base64 hashes of the inclusion proof, leaf upward. */
  proof: string[];
}

/** The downloadable bundle (JSON) that `npx mamori log verify-history` checks. */
export interface HistoryBundle {
  format: typeof HISTORY_BUNDLE_FORMAT;
  number: string;
  generatedAt: string;
  /** The confirmed record ids the history is about: every entry's payload names one of them. */
  subjectRecordIds: string[];
  /** As published at GET /log/key. */
  verifierKey: string;
  /** The signed checkpoint note (C2SP signed-note) every proof leads to. */
  checkpoint: string;
  entries: HistoryBundleEntry[];
}

/** The verify command shown to the requester. */
export const verifyHistoryCommand = (file = 'bundle.json') =>
  `npx mamori log verify-history ${file} --key <GET /log/key の検証鍵 / the verifier key>`;
