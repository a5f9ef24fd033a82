import { z } from 'zod';

/**
 * The usage ledger of a file (issue 7; A16 「保護管理者は…当該保有個人情報の利用状況を記録しなければ
 * ならない」; ADR 0008 §8): not a second record but a query over what happened — the log's access and
 * audit entries of the file, its approval requests, exports, transmissions, media sent or taken out,
 * corrections, disposals and uses outside the purpose. Rows name staff (who acted) and counts of
 * records, never a held person's values.
 */

/** The acts of the ledger, in the order the rule lists them (A16; A12(1)–(3), A13, A15, A17-2). */
export const USAGE_ACTS = [
  'use', // 利用: list, search, view, reveal, create, update, check, import
  'copy', // 複製 (A12(1), A24の2)
  'transmit', // 送信 (A12(2))
  'send_out', // 送付 (A12(3))
  'take_out', // 持出し (A12(3))
  'correction', // 訂正 (A13)
  'disposal', // 廃棄 (A15)
  'out_of_purpose', // 目的外利用 (A17-2)
] as const;
export type UsageAct = (typeof USAGE_ACTS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** Filters of the ledger: a period (default the current month in Tokyo), an act, a person, a purpose. */
export const ledgerQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    act: z.enum(USAGE_ACTS).optional(),
    personId: z.uuid().optional(),
    purpose: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'purpose_code')
      .optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(10).max(500).default(100),
  })
  .strict();
export type LedgerQuery = z.input<typeof ledgerQuery>;

/** The filters of a download: the screen's (paging is ignored: every row is written). */
export const ledgerExportQuery = ledgerQuery;

export const ledgerRowView = z.object({
  /** When: the act's time; for grouped uses, the first of the day's. */
  at: z.string(),
  /** The Tokyo date of the act. */
  day: isoDate,
  act: z.enum(USAGE_ACTS),
  /** What was done within the act: a log type (vault.record_viewed) or the act's kind. */
  operation: z.string(),
  personId: z.string().nullable(),
  personName: z.string(),
  employeeNumber: z.string().nullable(),
  purposeCode: z.string().nullable(),
  purposeLabel: z.string().nullable(),
  /** How many times (log entries, or acts) the row stands for. */
  times: z.number().int(),
  /** How many records: for uses, the records named by the log's entries (a record read twice counts twice). */
  records: z.number().int(),
  requestNumber: z.string().nullable(),
  /** Organisational facts only (a certificate number, a means, a recipient organisation, a format). */
  note: z.string(),
});
export type LedgerRowView = z.infer<typeof ledgerRowView>;

export const ledgerTotalView = z.object({ times: z.number().int(), records: z.number().int() });

export const ledgerRequestView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  status: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type LedgerRequestView = z.infer<typeof ledgerRequestView>;

export const reviewView = z.object({
  id: z.string(),
  month: month,
  periodFrom: isoDate,
  periodTo: isoDate,
  signedById: z.string(),
  signedByName: z.string(),
  signedAt: z.string(),
  comment: z.string(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const ledgerView = z.object({
  fileId: z.string(),
  fileName: z.string(),
  unitName: z.string(),
  sectionName: z.string(),
  from: isoDate,
  to: isoDate,
  filters: z.object({
    act: z.enum(USAGE_ACTS).nullable(),
    personId: z.string().nullable(),
    purpose: z.string().nullable(),
  }),
  /** This page of rows, newest first. */
  rows: z.array(ledgerRowView),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalRows: z.number().int(),
  totals: z.object({
    all: ledgerTotalView,
    byAct: z.array(ledgerTotalView.extend({ act: z.enum(USAGE_ACTS) })),
    byPurpose: z.array(
      ledgerTotalView.extend({ purposeCode: z.string().nullable(), purposeLabel: z.string().nullable() }),
    ),
  }),
  /** The file's approval requests made or decided in the period, and their outcome. */
  requests: z.array(ledgerRequestView),
  /** Choices of the filters: the people who acted in the period, the file's purposes. */
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  purposes: z.array(z.object({ code: z.string(), label: z.string() })),
  reviews: z.array(reviewView),
  /** The ended months the caller may sign now (newest first), empty if they may not sign. */
  signable: z.array(month),
  canSign: z.boolean(),
});
export type LedgerView = z.infer<typeof ledgerView>;

/** The 保護管理者 signs off a month of the ledger after reading it (A16). */
export const reviewInput = z.object({ month, comment: z.string().trim().max(2000).default('') }).strict();
export type ReviewInput = z.input<typeof reviewInput>;
