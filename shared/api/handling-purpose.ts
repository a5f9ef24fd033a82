import { z } from 'zod';

/**
 * Use or provision of held personal information outside its purpose (issue 7; A17-2..4, A17の2).
 * A request chooses one of A17-2's four grounds, says why no one's rights and interests are unduly
 * harmed (A17-2 ただし書), confirms that no other law forbids it (A17-3), and is decided by the
 * 総括保護管理者; the requester then records what was used or provided. Requests carry ids, codes and
 * organisational text only, never a held person's data.
 */
const id = z.uuid();
const text = (max: number) => z.string().trim().max(max);

/** A17-2's four grounds (各号). */
export const OUT_OF_PURPOSE_GROUNDS = [
  'consent_or_self', // (1) 本人の同意があるとき、又は本人に提供するとき
  'internal_necessary', // (2) 法令の定める業務の遂行に必要な限度で内部で利用し、相当な理由のあるとき
  'public_body', // (3) 行政機関・他の独立行政法人等・地方公共団体等への提供（法令の事務に必要な限度、相当な理由）
  'statistics_or_benefit', // (4) 統計・学術研究、明らかに本人の利益になるとき、その他特別の理由のあるとき
] as const;
export type OutOfPurposeGround = (typeof OUT_OF_PURPOSE_GROUNDS)[number];

/** Use inside the organisation, or provision to someone outside it. */
export const OUT_OF_PURPOSE_MODES = ['use', 'provide'] as const;
export type OutOfPurposeMode = (typeof OUT_OF_PURPOSE_MODES)[number];

/** Which modes a ground allows: (2) speaks of internal use, (3) and (4) of provision (A17-2). */
export const GROUND_MODES: Record<OutOfPurposeGround, readonly OutOfPurposeMode[]> = {
  consent_or_self: ['use', 'provide'],
  internal_necessary: ['use'],
  public_body: ['provide'],
  statistics_or_benefit: ['provide'],
};

/**
 * A17の2: 特定個人情報 (a file with My Numbers) may be used or provided outside its purpose only in
 * the cases the My Number Act lists; these are the ones a college's office can meet. Article and
 * item numbers as of the 2023 amendments (items of 第19条 have moved with amendments: verify).
 */
export const MY_NUMBER_USES = [
  // 番号法第30条第1項により読み替えて適用する個人情報保護法第69条第2項第1号（利用）、番号法第19条第16号（提供）
  'life_body_property',
  // 番号法第19条第15号: 各議院の審査・調査、訴訟手続その他の裁判所の手続、裁判の執行、刑事事件の捜査、
  // 租税に関する犯則事件の調査、会計検査院の検査その他政令で定める公益上の必要があるとき（提供のみ）
  'public_interest_procedure',
] as const;
export type MyNumberUse = (typeof MY_NUMBER_USES)[number];
export const MY_NUMBER_USE_MODES: Record<MyNumberUse, readonly OutOfPurposeMode[]> = {
  life_body_property: ['use', 'provide'],
  public_interest_procedure: ['provide'],
};

export const outOfPurposeInput = z
  .object({
    fileId: id,
    /** The records concerned, or null for the whole file. */
    recordIds: z.array(id).min(1).max(1000).nullable().default(null),
    ground: z.enum(OUT_OF_PURPOSE_GROUNDS),
    mode: z.enum(OUT_OF_PURPOSE_MODES),
    /** For provision: the body and office (never a private person's name; 本人 for the person). */
    recipient: text(200).default(''),
    /** What the information is to be used for (the purpose outside the registered one). */
    purpose: z.string().trim().min(1).max(1000),
    /** A17-2 ただし書: why no one's rights and interests are unduly harmed. */
    harmStatement: text(2000).default(''),
    /** A17-3: no other law restricting the use or provision applies. */
    otherLawsChecked: z.boolean().default(false),
    /** A17の2: for a file with My Numbers, the case of the My Number Act. */
    myNumberUse: z.enum(MY_NUMBER_USES).nullable().default(null),
  })
  .strict();
export type OutOfPurposeInput = z.input<typeof outOfPurposeInput>;

/** What was actually used or provided, recorded by the requester once done (A16). */
export const outOfPurposeDoneInput = z
  .object({
    records: z.number().int().min(0).max(10_000_000),
    /** For provision: to whom it went (as approved, or more precisely). */
    recipient: text(200).default(''),
    doneOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  })
  .strict();
export type OutOfPurposeDoneInput = z.input<typeof outOfPurposeDoneInput>;

export const outOfPurposeListQuery = z.object({
  box: z.enum(['mine', 'managed']).default('mine'),
  fileId: id.optional(),
});

export const outOfPurposeView = z.object({
  id,
  number: z.string(),
  status: z.string(),
  fileId: id,
  fileName: z.string(),
  unitId: id,
  myNumberFile: z.boolean(),
  recordCount: z.number().nullable(),
  ground: z.enum(OUT_OF_PURPOSE_GROUNDS),
  mode: z.enum(OUT_OF_PURPOSE_MODES),
  recipient: z.string(),
  purpose: z.string(),
  harmStatement: z.string(),
  myNumberUse: z.enum(MY_NUMBER_USES).nullable(),
  requestedBy: id,
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  expiresAt: z.string(),
  doneAt: z.string().nullable(),
  canRecordDone: z.boolean(),
});
export type OutOfPurposeView = z.infer<typeof outOfPurposeView>;
export const outOfPurposeListView = z.object({ requests: z.array(outOfPurposeView) });

/** A17-4: the staff of a unit who alone may use its information internally outside the purpose. */
export const restrictionInput = z
  .object({
    /** Empty: no restriction (anyone with a grant may ask). */
    personIds: z.array(id).max(200),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export type RestrictionInput = z.input<typeof restrictionInput>;

export const restrictionView = z.object({
  unitId: id,
  unitName: z.string(),
  restricted: z.boolean(),
  people: z.array(z.object({ id, name: z.string() })),
  reason: z.string(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type RestrictionView = z.infer<typeof restrictionView>;
