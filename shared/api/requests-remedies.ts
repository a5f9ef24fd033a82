import { z } from 'zod';
import { FIELD_KEY } from '../vault/field-types.ts';
import type { CorrectionStatus } from './handling-correction.ts';
import { isoDate, text } from './requests.ts';
import { purposeCode } from './vault.ts';

/**
 * Individuals' requests — correction (訂正, 法90–97) and suspension of use (利用停止, 法98–103) of
 * held information after its disclosure (issue 12; features §10). The handler lists the records
 * concerned (items: records confirmed for the PARENT disclosure) with the fields to correct and the
 * values the requester asks for (sealed at rest, opened only for handlers), or the purposes whose
 * use is to stop; the decision (correct / partial / not, suspend / partial / not) with a reason per
 * item is approved by the unit's 総括保護管理者 (approval kind 'remedy_decision'). On approval the
 * accepted corrections become A13 corrections 'instructed' in handling (/handling/corrections:
 * staff with the update grant apply them, before/after sealed), the accepted suspensions take effect
 * in the vault at once (a suspended record is refused for the suspended purposes, 法98-1), and the
 * recipients of provided data get a notice row each (法97, 法101: told where required).
 *
 * Routes (under /api/requests/:id/remedy):
 * - GET    /api/requests/:id/remedy                          → remedyView
 * - PUT    /api/requests/:id/remedy/items                    remedyItemsInput → remedyView (before submission)
 * - POST   /api/requests/:id/remedy/submit                   remedySubmitInput → remedyView (approval submitted)
 * - POST   /api/requests/:id/remedy/notices/:noticeId        noticeInput → remedyView   (法97, 法101)
 * - GET    /api/requests/:id/remedy/notice.pdf               → application/pdf (訂正決定通知書 / 利用停止決定通知書 …)
 * - POST   /api/requests/:id/remedy/carried-out              carriedOutInput → remedyView
 *          (409 requests.remedy_not_done with details [{ path, code }] of what is missing)
 */
const id = z.string().min(1).max(36);
const fieldKey = z.string().regex(FIELD_KEY, 'field_key');

// ───────────────────────────── codes ─────────────────────────────

/** 訂正する / 一部訂正する / 訂正しない (法93). */
export const CORRECTION_DECISIONS = ['correct', 'partial_correct', 'not_correct'] as const;
/** 利用停止する / 一部利用停止する / 利用停止しない (法101). */
export const SUSPENSION_DECISIONS = ['suspend', 'partial_suspend', 'not_suspend'] as const;
export const REMEDY_DECISIONS = [...CORRECTION_DECISIONS, ...SUSPENSION_DECISIONS] as const;
export type RemedyDecision = (typeof REMEDY_DECISIONS)[number];

/** An item's outcome: accepted (corrected / suspended) or rejected with a reason. */
export const ITEM_OUTCOMES = ['accepted', 'rejected'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/**
 * A recipient of provided data (法97: 訂正の実施 → 提供先への通知; 法101 likewise for 第三者提供の停止):
 * pending (to be told or decided), told (on a date), not_required (with the reason: 必要があると認めるとき
 * only).
 */
export const NOTICE_STATUSES = ['pending', 'told', 'not_required'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The remedy's own phase, derived from the request's status and its rows. */
export const REMEDY_PHASES = ['drafting', 'deciding', 'applying', 'done'] as const;
export type RemedyPhase = (typeof REMEDY_PHASES)[number];

// ───────────────────────────── inputs ─────────────────────────────

const value = z.union([z.string().max(4000), z.number()]);

/** One record concerned: a confirmed match of the parent disclosure. */
export const remedyItemInput = z
  .object({
    matchId: id,
    /** Correction: the fields to correct, with the values the requester asks for (sealed at rest). */
    fields: z
      .array(z.object({ key: fieldKey, value: value.nullable() }).strict())
      .max(50)
      .default([]),
    /** Suspension: the purposes of the file whose use of the record is to stop (法98-1). */
    purposeCodes: z.array(purposeCode).max(30).default([]),
  })
  .strict();
export type RemedyItemInput = z.input<typeof remedyItemInput>;

export const remedyItemsInput = z.object({ items: z.array(remedyItemInput).max(200) }).strict();
export type RemedyItemsInput = z.input<typeof remedyItemsInput>;

export const itemOutcomeInput = z
  .object({
    itemId: id,
    outcome: z.enum(ITEM_OUTCOMES),
    /** The reason (required for a rejected item: 法93-2 理由の提示). Organisational words only. */
    reason: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .default(null)
      .transform((v) => (v === '' ? null : v)),
  })
  .strict();

export const remedySubmitInput = z
  .object({
    decision: z.enum(REMEDY_DECISIONS),
    outcomes: z.array(itemOutcomeInput).max(200),
    /** The reason given to the approver (and the notice's 理由 for not / partial). */
    reason: text(2000),
  })
  .strict();
export type RemedySubmitInput = z.input<typeof remedySubmitInput>;

export const noticeInput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('told'), toldOn: isoDate }).strict(),
  z.object({ status: z.literal('not_required'), reason: text(1000) }).strict(),
]);
export type NoticeInput = z.input<typeof noticeInput>;

export const carriedOutInput = z.object({ carriedOutOn: isoDate }).strict();
export type CarriedOutInput = z.input<typeof carriedOutInput>;

// ───────────────────────────── views ─────────────────────────────

export interface RemedyFieldView {
  key: string;
  label: string;
  /** The value asked for, opened for handlers; null for other readers (the 監査責任者 sees keys only). */
  requested: string | number | null;
}

export interface RemedyItemView {
  id: string;
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
  fields: RemedyFieldView[];
  purposes: { code: string; label: string }[];
  outcome: ItemOutcome | null;
  outcomeReason: string | null;
  /** The A13 correction in handling (accepted correction items, once approved). */
  correctionId: string | null;
  correctionStatus: CorrectionStatus | null;
  appliedAt: string | null;
}

/** A record the handler may add: a confirmed match of the parent disclosure, with its file's schema. */
export interface RemedyCandidateView {
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
  fields: { key: string; label: string }[];
  purposes: { code: string; label: string }[];
}

export interface SuspensionView {
  id: string;
  fileId: string;
  recordId: string;
  purposeCode: string;
  purposeLabel: string;
  since: string;
  liftedAt: string | null;
}

export interface RecipientNoticeView {
  id: string;
  provisionId: string;
  provisionNumber: string;
  partyName: string;
  status: NoticeStatus;
  reason: string | null;
  toldOn: string | null;
  recordedByName: string | null;
}

export interface RemedyView {
  requestId: string;
  number: string;
  kind: 'correction' | 'suspension';
  status: string;
  phase: RemedyPhase;
  parentId: string | null;
  parentNumber: string | null;
  items: RemedyItemView[];
  /** The parent's confirmed records (shown to handlers while drafting). */
  candidates: RemedyCandidateView[];
  decision: RemedyDecision | null;
  decisionReason: string | null;
  decidedOn: string | null;
  /** The 'remedy_decision' approval request and its state. */
  approval: { id: string; number: string; status: string } | null;
  suspensions: SuspensionView[];
  notices: RecipientNoticeView[];
  carriedOutOn: string | null;
  /** What is still missing before carrying out (codes: correction_pending, notice_pending). */
  missing: { path: string; code: string }[];
  can: {
    editItems: boolean;
    submit: boolean;
    recordNotice: boolean;
    notice: boolean;
    carryOut: boolean;
  };
}
