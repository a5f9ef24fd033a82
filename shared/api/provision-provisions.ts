import { z } from 'zod';

/**
 * Provision of held personal information to a third party (issue 9; A17-2, A17の2, A18).
 * Routes under /api/provision/provisions. A provision names its recipient (a registered party), the
 * files and record items provided, its ground and the recipient's purpose, legal basis, record range,
 * items and form of use. Outside public bodies (A18-1) a written agreement with its document is
 * required before approval; the safety measures asked of the recipient are listed (A18-2), or for
 * public bodies where the 保護管理者 deems them necessary (A18-3); checks and improvement requests are
 * tracked to done (A18-2). Only an approved provision is active. Ids, codes and organisational text
 * only — never a held person's data.
 */
const id = z.uuid();
const text = (max: number) => z.string().trim().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * The ground of a provision: within the purpose of use (the register's 経常的提供先), 法令に基づく
 * (A17-1, the law named), or one of A17-2's grounds for provision outside the purpose ((2) is internal
 * use only, so it is not a ground of provision).
 */
export const PROVISION_GROUNDS = [
  'purpose', // 利用目的内の提供（個人情報ファイル簿の経常的提供先）
  'law', // 法令に基づく場合（第17条第1項）
  'consent_or_self', // 第17条第2項第1号: 本人の同意があるとき、又は本人に提供するとき
  'public_body', // 同第3号: 行政機関等への提供で、法令の事務に必要な限度かつ相当な理由（公的機関のみ）
  'statistics_or_benefit', // 同第4号: 統計・学術研究、明らかに本人の利益、その他特別の理由
] as const;
export type ProvisionGround = (typeof PROVISION_GROUNDS)[number];
/** A17-2's grounds: a statement that no one's rights are unduly harmed; approval by the 総括保護管理者. */
export const OUT_OF_PURPOSE_PROVISION_GROUNDS: readonly ProvisionGround[] = [
  'consent_or_self',
  'public_body',
  'statistics_or_benefit',
];
/** A18-1: grounds (3)/(4) and law to a recipient outside public bodies need a written agreement. */
export const AGREEMENT_GROUNDS: readonly ProvisionGround[] = ['law', 'public_body', 'statistics_or_benefit'];

/** 利用形態: 閲覧 / 写しの交付 / 電子データ / オンライン. */
export const USE_FORMS = ['inspection', 'copy', 'electronic', 'online'] as const;
export type UseForm = (typeof USE_FORMS)[number];
/** 一回限り / 定期 (a regular provision is a 経常的提供先 of its files). */
export const FREQUENCIES = ['once', 'regular'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A18-2: the safety measures asked of the recipient (a checklist). */
export const SAFETY_MEASURES = [
  'access_restriction', // 取扱者の限定・アクセス制限
  'purpose_limit', // 目的外利用の禁止
  'no_copy_beyond_purpose', // 目的を超えた複製等の禁止
  'no_reprovision', // 第三者への再提供の禁止
  'secure_storage', // 安全な保管（施錠・暗号化）
  'return_or_erase', // 利用終了時の返却・消去と報告
  'incident_report', // 漏えい等の事案発生時の報告
  'accept_checks', // 実地調査等への協力
] as const;
export type SafetyMeasure = (typeof SAFETY_MEASURES)[number];

export const PROVISION_STATUSES = ['draft', 'pending', 'active', 'rejected', 'closed'] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

export const CHECK_KINDS = ['onsite', 'documentary'] as const; // 実地 / 書面
export const CHECK_TIMINGS = ['before', 'during'] as const; // 提供前 / 随時
export const CHECK_RESULTS = ['satisfactory', 'improvement_needed', 'unsatisfactory'] as const;
/** Means of an act of provision. */
export const PROVISION_MEANS = ['paper', 'media', 'email', 'online', 'inspection'] as const;

/** A file provided and its record items (the vault schema's field keys, or free names). */
export const provisionFileInput = z
  .object({ fileId: id, items: z.array(text(200).min(1)).min(1).max(200) })
  .strict();

export const provisionInput = z
  .object({
    partyId: id,
    files: z.array(provisionFileInput).min(1).max(50),
    ground: z.enum(PROVISION_GROUNDS),
    /** For 'law' (and where a law applies): the law and article (e.g. 学校保健安全法第○条). */
    lawName: text(300).default(''),
    /** A17-2 ただし書: why no one's rights and interests are unduly harmed (A17-2 grounds). */
    harmStatement: text(2000).default(''),
    /** The recipient's purpose of use. */
    recipientPurpose: z.string().trim().min(1).max(1000),
    /** 利用する業務の根拠法令 (A18-1). */
    legalBasis: text(500).default(''),
    /** 利用する記録範囲 (e.g. 2025年度入学者). */
    recordRange: z.string().trim().min(1).max(500),
    useForm: z.enum(USE_FORMS),
    frequency: z.enum(FREQUENCIES),
    startsOn: date,
    endsOn: date.nullable().default(null),
    /** A18-3: for a public body, whether the 保護管理者 deems the measures necessary, and why. */
    measuresDeemedNecessary: z.boolean().default(false),
    measuresReason: text(1000).default(''),
    /** A18-2: the next scheduled check (a gap once past). */
    nextCheckDue: date.nullable().default(null),
  })
  .strict();
export type ProvisionInput = z.input<typeof provisionInput>;
/** Edits while draft or rejected: the same fields, all optional. */
export const provisionPatch = provisionInput.partial().strict();
export type ProvisionPatch = z.input<typeof provisionPatch>;

/** A18-1: the written agreement (書面) — its fields; the document is uploaded separately (multipart `file`). */
export const agreementInput = z
  .object({
    purpose: z.string().trim().min(1).max(1000),
    legalBasis: text(500).default(''),
    recordRange: z.string().trim().min(1).max(500),
    items: z.string().trim().min(1).max(2000),
    useForm: z.enum(USE_FORMS),
    signedOn: date,
    /** Signatories as organisational roles (e.g. 学生課長, 株式会社○○ 情報管理責任者), never names. */
    ourSignatory: z.string().trim().min(1).max(200),
    theirSignatory: z.string().trim().min(1).max(200),
  })
  .strict();
export type AgreementInput = z.input<typeof agreementInput>;

/** A18-2: the measures required and the recipient's confirmation. */
export const measuresInput = z
  .object({
    measures: z.array(z.enum(SAFETY_MEASURES)).max(SAFETY_MEASURES.length),
    other: text(1000).default(''),
    /** The recipient confirmed them (date and role); null when not yet. */
    confirmedOn: date.nullable().default(null),
    confirmedBy: text(200).default(''),
  })
  .strict();
export type MeasuresInput = z.input<typeof measuresInput>;

/** A18-2: an on-site or documentary check, before or during the provision. */
export const checkInput = z
  .object({
    kind: z.enum(CHECK_KINDS),
    timing: z.enum(CHECK_TIMINGS),
    checkedOn: date,
    findings: z.string().trim().min(1).max(4000),
    result: z.enum(CHECK_RESULTS),
    /** When the next check is due (null: none scheduled). */
    nextCheckDue: date.nullable().default(null),
  })
  .strict();
export type CheckInput = z.input<typeof checkInput>;

/** A18-2: an improvement request (改善要求) with its due date, tracked to done. */
export const improvementInput = z
  .object({
    checkId: id.nullable().default(null),
    request: z.string().trim().min(1).max(2000),
    dueOn: date,
  })
  .strict();
export type ImprovementInput = z.input<typeof improvementInput>;
export const improvementDoneInput = z.object({ doneOn: date, note: text(2000).default('') }).strict();
export type ImprovementDoneInput = z.input<typeof improvementDoneInput>;

/** Submit for approval (kind `provision`). */
export const submitInput = z.object({ reason: text(1000).default('') }).strict();
export const closeInput = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

/** An act of provision under an active provision (date, count of records, means). */
export const actInput = z
  .object({
    fileId: id,
    providedOn: date,
    records: z.number().int().min(0).max(10_000_000),
    means: z.enum(PROVISION_MEANS),
    note: text(1000).default(''),
  })
  .strict();
export type ActInput = z.input<typeof actInput>;

export const provisionListQuery = z.object({
  status: z.enum(PROVISION_STATUSES).optional(),
  fileId: id.optional(),
  partyId: id.optional(),
});
/** GET /recipients?fileId=…: the 経常的提供先 offered to the register (active regular provisions). */
export const recipientsQuery = z.object({ fileId: id });
export const recipientsView = z.object({ recipients: z.array(z.string()) });

export const provisionSummary = z.object({
  id,
  number: z.string(),
  status: z.enum(PROVISION_STATUSES),
  partyId: id,
  partyName: z.string(),
  isPublicBody: z.boolean(),
  ground: z.enum(PROVISION_GROUNDS),
  frequency: z.enum(FREQUENCIES),
  useForm: z.enum(USE_FORMS),
  recipientPurpose: z.string(),
  fileIds: z.array(id),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  sectionId: id,
  unitId: id,
});
export type ProvisionSummary = z.infer<typeof provisionSummary>;
export const provisionListView = z.object({ provisions: z.array(provisionSummary) });

export const agreementView = agreementInput.extend({
  legalBasis: z.string(),
  hasDocument: z.boolean(),
  documentName: z.string().nullable(),
});
export const checkView = z.object({
  id,
  kind: z.enum(CHECK_KINDS),
  timing: z.enum(CHECK_TIMINGS),
  checkedOn: z.string(),
  findings: z.string(),
  result: z.enum(CHECK_RESULTS),
  recordedByName: z.string(),
});
export const improvementView = z.object({
  id,
  checkId: id.nullable(),
  request: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  note: z.string(),
  overdue: z.boolean(),
});
export const actView = z.object({
  id,
  fileId: id,
  providedOn: z.string(),
  records: z.number(),
  means: z.enum(PROVISION_MEANS),
  note: z.string(),
  recordedByName: z.string(),
});

export const provisionView = provisionSummary.extend({
  files: z.array(
    z.object({
      fileId: id,
      fileName: z.string(),
      myNumberFile: z.boolean(),
      items: z.array(z.string()),
      itemLabels: z.array(z.string()),
    }),
  ),
  lawName: z.string(),
  harmStatement: z.string(),
  legalBasis: z.string(),
  recordRange: z.string(),
  measuresDeemedNecessary: z.boolean(),
  measuresReason: z.string(),
  nextCheckDue: z.string().nullable(),
  /** A18-1: whether a written agreement is required for this provision. */
  agreementRequired: z.boolean(),
  /** A18-2/3: whether the safety measures are required. */
  measuresRequired: z.boolean(),
  agreement: agreementView.nullable(),
  measures: z.object({
    measures: z.array(z.enum(SAFETY_MEASURES)),
    other: z.string(),
    confirmedOn: z.string().nullable(),
    confirmedBy: z.string(),
  }),
  checks: z.array(checkView),
  improvements: z.array(improvementView),
  acts: z.array(actView),
  approvalId: id.nullable(),
  approvalLevel: z.enum(['protection_manager', 'chief_protection_manager']),
  closedReason: z.string().nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canRecordAct: z.boolean(),
});
export type ProvisionView = z.infer<typeof provisionView>;

/**
 * Routes (all JSON unless noted):
 *   GET    /api/provision/provisions?status&fileId&partyId   → provisionListView
 *   POST   /api/provision/provisions            provisionInput → provisionView (201)
 *   GET    /api/provision/provisions/recipients?fileId         → recipientsView
 *   GET    /api/provision/provisions/:id                       → provisionView
 *   PATCH  /api/provision/provisions/:id        provisionPatch → provisionView (draft/rejected)
 *   PUT    /api/provision/provisions/:id/agreement   agreementInput → provisionView
 *   POST   /api/provision/provisions/:id/agreement/document  multipart `file` (PDF/image) → provisionView
 *   GET    /api/provision/provisions/:id/agreement/document  → the file
 *   PUT    /api/provision/provisions/:id/measures    measuresInput → provisionView
 *   POST   /api/provision/provisions/:id/checks      checkInput → provisionView
 *   POST   /api/provision/provisions/:id/improvements improvementInput → provisionView
 *   POST   /api/provision/provisions/:id/improvements/:improvementId/done improvementDoneInput → provisionView
 *   POST   /api/provision/provisions/:id/submit      submitInput → provisionView (status pending; approval kind `provision`)
 *   POST   /api/provision/provisions/:id/acts        actInput → provisionView (active only)
 *   POST   /api/provision/provisions/:id/close       closeInput → provisionView
 */
export const PROVISION_PROVISIONS_ROUTES = '/api/provision/provisions';
