import { z } from 'zod';

/**
 * Individuals' requests (issue 12; law-2022.md "Requests from individuals", 個人情報保護法 第76条–
 * 第107条; features §10): disclosure (開示, 法76), correction (訂正, 法90) and suspension of use
 * (利用停止, 法98) received at the office the register names, with the statutory periods.
 *
 * This file is the CORE contract (intake, periods, 補正, extension, the large case, the board);
 * the parts add theirs in requests-search.ts, requests-decision.ts, requests-history.ts and
 * requests-remedies.ts. Routes (all under /api/requests):
 * - GET    /                                  ?status=&kind=&unitId= → requestListView (the board, by nearest deadline)
 * - POST   /                                  intakeInput → requestView (201)
 * - GET    /offices                           → { offices: officeView[] } (where requests are received)
 * - GET    /:id                               → requestView (requester's particulars opened for handlers)
 * - POST   /:id/pauses                        pauseInput → requestView (201)           補正: the clock stops
 * - POST   /:id/pauses/:pauseId/answer        answerInput → requestView                the clock runs again
 * - POST   /:id/extension                     extensionInput → requestView             法83-2 (reason, notice)
 * - POST   /:id/large                         largeInput → requestView                 法84
 * - POST   /:id/fee                           feeInput → requestView                   法89 (paid on)
 * - POST   /:id/withdraw                      withdrawInput → requestView
 * - GET    /:id/periods                       → periodsView (the arithmetic shown step by step)
 * The public page of how to request is server-rendered: GET /register/requests (ADR 0004).
 */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Zod helpers of every requests contract (the parts import them from here). */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

// ───────────────────────────── codes ─────────────────────────────

/** 開示 (法76) / 訂正 (法90) / 利用停止 (法98). */
export const REQUEST_KINDS = ['disclosure', 'correction', 'suspension'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * received: 受付済 (working towards the decision) · correcting: 補正中 (the clock stopped) ·
 * deciding: 決定の承認待ち · decided: 決定済・通知済 (for disclosure: waiting for the method and the
 * carrying out) · carried_out: 実施済 (disclosed, or corrected / suspended in the vault) · closed:
 * 完了 · withdrawn: 取下げ.
 */
export const REQUEST_STATUSES = [
  'received',
  'correcting',
  'deciding',
  'decided',
  'carried_out',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'correcting', 'deciding', 'decided'];

/** How the written request arrived (法77-1): 窓口 / 郵送 / その他. */
export const CHANNELS = ['counter', 'mail', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 本人 / 法定代理人 / 任意代理人 (法76-2). */
export const REQUESTER_KINDS = ['self', 'legal_representative', 'agent'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

/**
 * 本人確認書類 (法77-2, 施行令): 運転免許証 / マイナンバーカード (番号は控えない) / 旅券 / 在留カード /
 * 健康保険の資格確認書 / 学生証・職員証 / 住民票の写し等 (郵送) / その他. Only the kind is kept, never
 * the document's number.
 */
export const IDENTITY_METHODS = [
  'driver_licence',
  'my_number_card',
  'passport',
  'residence_card',
  'health_insurance',
  'student_or_staff_card',
  'certificate_of_residence',
  'other',
] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/** 法89: 現金 / 収入印紙 / 振込 / 免除 (correction and suspension cost nothing: 'none'). */
export const FEE_METHODS = ['cash', 'revenue_stamp', 'transfer', 'exempt', 'none'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

/** 法87: 閲覧 / 写しの交付 (紙) / 電磁的記録の交付 / 写しの送付 (郵送). */
export const DELIVERY_METHODS = ['viewing', 'paper_copy', 'electronic_copy', 'mail'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

// ───────────────────────────── inputs ─────────────────────────────

/** The requester's particulars, sealed at rest (never in the log, a URL or an error). */
export const requesterInput = z.object({
  name: text(100),
  nameKana: optionalText(100),
  birthDate: isoDate.nullable().default(null),
  address: optionalText(300),
  phone: optionalText(30),
  email: optionalText(200),
  /** 学生番号 / 職員番号 the requester gives, to find their records. */
  studentNumber: optionalText(30),
  staffNumber: optionalText(30),
  /** 法定代理人・任意代理人: the representative's name and relation (親権者, 成年後見人, 委任). */
  representativeName: optionalText(100),
  representativeRelation: optionalText(100),
});
export type RequesterInput = z.input<typeof requesterInput>;
export type RequesterParticulars = z.output<typeof requesterInput>;

export const intakeInput = z.object({
  kind: z.enum(REQUEST_KINDS),
  /** Correction and suspension: the disclosure request they follow (within 90 days of it). */
  parentId: z.string().min(1).max(36).nullable().default(null),
  /** The receiving office (a section of the organisation). */
  sectionId: z.string().min(1).max(36),
  channel: z.enum(CHANNELS),
  receivedOn: isoDate,
  requesterKind: z.enum(REQUESTER_KINDS),
  requester: requesterInput,
  /** 請求に係る保有個人情報の名称等 (法77-1-2), or what is to be corrected / suspended and why. */
  content: text(4000),
  /** Register files the request names; empty: every file. */
  fileIds: z.array(z.string().min(1).max(36)).max(200).default([]),
  identityMethod: z.enum(IDENTITY_METHODS),
  /** The fee as paid at intake (null: not yet paid; a 補正 may ask for it). */
  feeMethod: z.enum(FEE_METHODS),
  feePaidOn: isoDate.nullable().default(null),
  preferredMethod: z.enum(DELIVERY_METHODS).nullable().default(null),
});
export type IntakeInput = z.input<typeof intakeInput>;

export const pauseInput = z.object({ askedOn: isoDate, reason: text(1000) });
export const answerInput = z.object({ answeredOn: isoDate });
export const extensionInput = z.object({
  /** 延長する期間 (up to the configured 30 days) and 延長の理由 (法83-2: written). */
  days: z.number().int().min(1).max(365),
  reason: text(2000),
  notifiedOn: isoDate,
});
export const largeInput = z.object({
  /** 法84: 開示請求に係る保有個人情報が著しく大量であるため… the reason and the date for the rest. */
  reason: text(2000),
  restDueOn: isoDate,
  notifiedOn: isoDate,
});
export const feeInput = z.object({ method: z.enum(FEE_METHODS), paidOn: isoDate });
export const withdrawInput = z.object({ reason: text(1000), withdrawnOn: isoDate });

// ───────────────────────────── views ─────────────────────────────

export interface PauseView {
  id: string;
  askedOn: string;
  reason: string;
  answeredOn: string | null;
  /** Days not counted (法83-1 ただし書); open pauses count up to today. */
  days: number;
}

/** The arithmetic of the deadline, step by step, for the handler and the auditor. */
export interface PeriodsView {
  receivedOn: string;
  firstDayCounted: boolean;
  rollToBusinessDay: boolean;
  baseDays: number;
  pausedDays: number;
  extendedDays: number;
  /** Null while a 補正 is open (the clock stopped). */
  dueOn: string | null;
  /** 法84: the date for the rest of a large request. */
  restDueOn: string | null;
  /** Days from today to dueOn (negative: overdue); null while paused or once decided. */
  daysLeft: number | null;
  /** Correction and suspension: the last day they may be requested after this disclosure (法90-3). */
  remedyUntil: string | null;
  /** 法87-3: the last day to choose the method, once the notice was sent. */
  methodChoiceUntil: string | null;
  steps: { label: string; date: string }[];
}

export interface RequestSummaryView {
  id: string;
  number: string;
  kind: RequestKind;
  status: RequestStatus;
  unitId: string;
  unitName: string;
  sectionId: string | null;
  sectionName: string;
  receivedOn: string;
  dueOn: string | null;
  daysLeft: number | null;
  paused: boolean;
  extended: boolean;
  large: boolean;
  /** The next date that matters (the deadline, the method choice, the rest of a large request). */
  nextDate: string | null;
  overdue: boolean;
  /** The requester's name is shown only to handlers (opened from its seal). */
  requesterName: string | null;
}

export interface RequestView extends RequestSummaryView {
  parentId: string | null;
  parentNumber: string | null;
  channel: Channel;
  requesterKind: RequesterKind;
  requester: RequesterParticulars | null;
  content: string | null;
  files: { id: string; name: string }[];
  identityMethod: IdentityMethod;
  identityCheckedBy: string;
  identityCheckedAt: string;
  feeYen: number;
  feeMethod: FeeMethod;
  feePaidOn: string | null;
  preferredMethod: DeliveryMethod | null;
  pauses: PauseView[];
  extension: { days: number; reason: string; notifiedOn: string } | null;
  largeCase: { reason: string; restDueOn: string } | null;
  decision: string | null;
  decidedOn: string | null;
  noticeSentOn: string | null;
  methodChosen: DeliveryMethod | null;
  methodChosenOn: string | null;
  carriedOutOn: string | null;
  closedOn: string | null;
  withdrawnReason: string | null;
  periods: PeriodsView;
  /** Later requests that follow this one (correction, suspension). */
  children: { id: string; number: string; kind: RequestKind; status: RequestStatus }[];
  can: {
    handle: boolean;
    pause: boolean;
    extend: boolean;
    withdraw: boolean;
    decide: boolean;
  };
}

export interface RequestListView {
  requests: RequestSummaryView[];
  canCreate: boolean;
}

/** A receiving office: a section of the organisation, with the register's words for it. */
export interface OfficeView {
  sectionId: string;
  sectionName: string;
  unitId: string;
  unitName: string;
  /** The register's 開示請求等を受理する組織の名称及び所在地 texts that name this office. */
  registerTexts: string[];
  /**
   * The register's files of the office's unit (by name), for the request to name the files it is
   * about when the requester knows them (法77-1-2; sent as intakeInput.fileIds).
   */
  files: { id: string; name: string }[];
}
