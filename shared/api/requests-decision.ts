import { z } from 'zod';
import type { FieldType } from '../vault/field-types.ts';
import {
  DELIVERY_METHODS,
  isoDate,
  optionalText,
  text,
  type DeliveryMethod,
  type RequestStatus,
} from './requests.ts';

/**
 * Individuals' requests — the decision on a disclosure request (issue 12; law-2022.md 法78, 法81,
 * 法82, 法87; features §10): full, partial or no disclosure with the ground of every withheld item
 * (不開示情報, 法78-1 各号), the approval by the unit's 総括保護管理者 (approval kind
 * 'disclosure_decision'), the decision notice (PDF), the method the requester chose within its period
 * (法87-3) and the carrying out (保有個人情報の開示の実施).
 *
 * Routes (all under /api/requests/:id/decision; readers: the request's handlers and the 監査責任者;
 * every change: its handlers; others 404 requests.not_found):
 * - GET    /                      → decisionView (records with field labels, never values)
 * - GET    /records/:matchId      → recordValuesView (logged read, purpose = the request)  handlers
 * - PUT    /withheld              withheldInput → decisionView (replaces the list; before submission)
 * - POST   /submit                submitInput → decisionView (approval submitted, status deciding)
 * - GET    /notice.pdf            → application/pdf 決定通知書 (once decided; an audit event)
 * - POST   /notice                noticeInput → decisionView (通知日; none/not_held/refuse_existence close)
 * - POST   /method                methodInput → decisionView (法87-3: within methodChoiceDays of the notice)
 * - GET    /disclosure.pdf        → application/pdf 開示の実施 (full/partial, decided; logged read)
 * - POST   /carried-out           carriedOutInput → decisionView (status carried_out; 法90-3 window starts)
 */
// ───────────────────────────── codes ─────────────────────────────

/**
 * 不開示情報 (法78-1 各号): 1号 本人の生命・健康・生活・財産を害するおそれ · 2号 本人以外の個人に関する
 * 情報 · 3号 法人等に関する情報 · 4号 国の安全等 · 5号 公共の安全と秩序 · 6号 審議・検討等 ·
 * 7号 事務・事業の適正な遂行.
 */
export const WITHHOLD_GROUNDS = [
  'life',
  'third_party',
  'corporate',
  'security',
  'public_safety',
  'deliberation',
  'administration',
] as const;
export type WithholdGround = (typeof WITHHOLD_GROUNDS)[number];

export const WITHHOLD_GROUND_LABELS: Record<
  WithholdGround,
  { item: number; article: string; ja: string; en: string }
> = {
  life: {
    item: 1,
    article: '法第78条第1項第1号',
    ja: '開示請求者の生命、健康、生活又は財産を害するおそれがある情報',
    en: "Could harm the requester's life, health, living or property",
  },
  third_party: {
    item: 2,
    article: '法第78条第1項第2号',
    ja: '開示請求者以外の個人に関する情報',
    en: 'Information about an individual other than the requester',
  },
  corporate: {
    item: 3,
    article: '法第78条第1項第3号',
    ja: '法人その他の団体に関する情報',
    en: 'Information about a corporation or other body',
  },
  security: {
    item: 4,
    article: '法第78条第1項第4号',
    ja: '国の安全が害されるおそれ等がある情報',
    en: 'Could harm national security or international relations',
  },
  public_safety: {
    item: 5,
    article: '法第78条第1項第5号',
    ja: '公共の安全と秩序の維持に支障を及ぼすおそれがある情報',
    en: 'Could impede public safety and order',
  },
  deliberation: {
    item: 6,
    article: '法第78条第1項第6号',
    ja: '審議、検討又は協議に関する情報',
    en: 'Information on deliberation, examination or consultation',
  },
  administration: {
    item: 7,
    article: '法第78条第1項第7号',
    ja: '事務又は事業の適正な遂行に支障を及ぼすおそれがある情報',
    en: 'Could impede the proper conduct of affairs or business',
  },
};

/**
 * 全部開示 (法78) · 部分開示 (法79) · 不開示 (法82-2: every item withheld) · 保有していない
 * (法82-2: no record held) · 存否応答拒否 (法81: answering whether it exists would itself disclose).
 */
export const DECISIONS = ['full', 'partial', 'none', 'not_held', 'refuse_existence'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, { ja: string; en: string; noticeTitle: string }> = {
  full: { ja: '全部開示', en: 'Full disclosure', noticeTitle: '保有個人情報開示決定通知書' },
  partial: { ja: '部分開示', en: 'Partial disclosure', noticeTitle: '保有個人情報部分開示決定通知書' },
  none: { ja: '不開示', en: 'No disclosure', noticeTitle: '保有個人情報不開示決定通知書' },
  not_held: {
    ja: '不開示（保有していない）',
    en: 'No disclosure (not held)',
    noticeTitle: '保有個人情報不開示決定通知書',
  },
  refuse_existence: {
    ja: '存否応答拒否',
    en: 'Neither confirmed nor denied',
    noticeTitle: '保有個人情報不開示決定通知書',
  },
};

/** Decisions that disclose something: the method is chosen and the disclosure carried out (法87). */
export const DISCLOSING_DECISIONS: readonly Decision[] = ['full', 'partial'];

/** draft: being prepared (withheld items editable) · deciding: waiting for approval · decided. */
export const DECISION_STATES = ['draft', 'deciding', 'decided'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

// ───────────────────────────── inputs ─────────────────────────────

/** A withheld item: a whole record (fieldKey null) or one field of it, with its ground (法78-1). */
export const withheldItemInput = z.object({
  matchId: z.string().min(1).max(36),
  fieldKey: z.string().min(1).max(40).nullable().default(null),
  ground: z.enum(WITHHOLD_GROUNDS),
  /** Why the ground applies, in organisational words (never the withheld value itself). */
  reason: text(1000),
});
export type WithheldItemInput = z.input<typeof withheldItemInput>;

export const withheldInput = z.object({ items: z.array(withheldItemInput).max(1000) });
export type WithheldInput = z.input<typeof withheldInput>;

export const submitInput = z.object({
  decision: z.enum(DECISIONS),
  /** The reason of the decision (required for refuse_existence, 法81; shown in the notice). */
  reason: optionalText(2000),
});
export type SubmitInput = z.input<typeof submitInput>;

export const noticeInput = z.object({ sentOn: isoDate });
export type NoticeInput = z.input<typeof noticeInput>;

export const methodInput = z.object({
  method: z.enum(DELIVERY_METHODS),
  chosenOn: isoDate,
  /** 法87-3 ただし書: the 正当な理由 when chosen after the period. */
  lateReason: optionalText(1000),
});
export type MethodInput = z.input<typeof methodInput>;

export const carriedOutInput = z.object({ carriedOutOn: isoDate });
export type CarriedOutInput = z.input<typeof carriedOutInput>;

// ───────────────────────────── views ─────────────────────────────

export interface DecisionFieldView {
  key: string;
  label: string;
  type: FieldType;
  /** 個人番号: never disclosed through this route (番号法; shown as withheld by law). */
  myNumber: boolean;
}

/** A confirmed record, labels only (its values: GET /records/:matchId, logged). */
export interface DecisionRecordView {
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
  fields: DecisionFieldView[];
}

export interface WithheldItemView {
  id: string;
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
  /** Null: the whole record is withheld. */
  fieldKey: string | null;
  fieldLabel: string | null;
  ground: WithholdGround;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface DecisionView {
  requestId: string;
  number: string;
  status: RequestStatus;
  state: DecisionState;
  /** The decision submitted or made (null while a draft). */
  decision: Decision | null;
  reason: string | null;
  approvalId: string | null;
  /** The approval's status in the engine (pending, approved, denied, withdrawn, expired), if any. */
  approvalStatus: string | null;
  decidedOn: string | null;
  noticeSentOn: string | null;
  methodChosen: DeliveryMethod | null;
  methodChosenOn: string | null;
  methodLateReason: string | null;
  /** 法87-3: the last day to choose the method (noticeSentOn + methodChoiceDays). */
  methodChoiceUntil: string | null;
  carriedOutOn: string | null;
  /** The method the requester asked for at intake (法77-1), for reference. */
  preferredMethod: DeliveryMethod | null;
  records: DecisionRecordView[];
  withheld: WithheldItemView[];
  can: {
    /** Read a record's values (handlers). */
    readValues: boolean;
    editWithheld: boolean;
    submit: boolean;
    downloadNotice: boolean;
    recordNotice: boolean;
    chooseMethod: boolean;
    downloadDisclosure: boolean;
    carryOut: boolean;
  };
}

export interface RecordValueFieldView extends DecisionFieldView {
  /** Display text of the value (null: empty; a My Number is masked). */
  value: string | null;
}

export interface RecordValuesView {
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
  fields: RecordValueFieldView[];
}
