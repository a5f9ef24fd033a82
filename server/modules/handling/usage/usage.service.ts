import { createHash } from 'node:crypto';
import {
  ledgerExportQuery,
  ledgerQuery,
  reviewInput,
  USAGE_ACTS,
  type LedgerRequestView,
  type LedgerRowView,
  type LedgerView,
  type ReviewView,
} from '../../../../shared/api/handling-usage.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import {
  endedMonths,
  monthBounds,
  monthOf,
  overdueMonths,
  periodOf,
  previousMonth,
  spanOf,
} from './period.ts';
import { ledgerPdf } from './usage.pdf.ts';
import { usageRepo, type ReviewRow } from './usage.repo.ts';
import { buildRows, matchesFilter, type RowFilter } from './usage.rows.ts';
import { ledgerXlsx } from './usage.xlsx.ts';
import { gapAt } from '../../organisation/index.ts';

/** A gap of the organisation's list (organisation.gaps.addSource): a month of a ledger left unsigned. */
export type UsageGap = Omit<GapView, 'kind'> & { kind: 'usage_review_unsigned' };

/** Everything an output of the ledger shows: the screen, the workbook and the PDF are made from it. */
export interface LedgerSheet {
  fileId: string;
  fileName: string;
  unitName: string;
  sectionName: string;
  from: string;
  to: string;
  filters: RowFilter;
  rows: LedgerRowView[];
  requests: LedgerRequestView[];
  madeAt: string;
  madeBy: string;
}

/**
 * The usage ledger of a file (issue 7; A16; ADR 0008 §8): a query over the log and the acts' tables,
 * never a second record. Read by the file's section 保護管理者 (A16 「保護管理者は…記録」), the unit's
 * 総括保護管理者, the 総括管理者 and the 監査責任者; every reading is itself an audit event (filters
 * only). The 保護管理者 signs off each ended month; a month left unsigned past the 10th of the next
 * is a compliance gap.
 */
export function createUsageService(h: HandlingContext) {
  const { database, ledger, authz, clock } = h;
  const db = database.db;

  async function fileOf(ctx: Ctx, fileId: string) {
    const facts = await h.rules.factsOr404(fileId);
    const subject = { unitId: facts.unitId, sectionId: facts.sectionId };
    await authz.assertCan(ctx, 'read', 'UsageLedger', subject);
    return { facts, subject };
  }

  async function nameMap(ids: (string | null)[]) {
    const people = await usageRepo.people(db, [...new Set(ids.filter((x): x is string => !!x))]);
    return new Map(people.map((p) => [p.id, p]));
  }

  /** Every row of the period, with names, and the file's requests (before the filters). */
  async function sheet(
    ctx: Ctx,
    fileId: string,
    q: { from?: string | undefined; to?: string | undefined } & RowFilter,
  ) {
    const { facts, subject } = await fileOf(ctx, fileId);
    const { from, to } = periodOf(q, clock.today());
    const span = spanOf(from, to);
    const loaded = await h.vault.internals.loader.find(fileId);
    const [fileEntries, recordEntries, exports, movements, corrections, disposals, outOfPurpose, reqs] =
      await Promise.all([
        usageRepo.fileEntries(db, fileId, span),
        usageRepo.recordEntries(db, facts.sectionId, span),
        usageRepo.exports(db, fileId, span),
        usageRepo.movements(db, fileId, span),
        usageRepo.corrections(db, fileId, span),
        usageRepo.disposals(db, fileId, span),
        usageRepo.outOfPurpose(db, fileId, span),
        usageRepo.requests(db, fileId, span),
      ]);
    const done = await usageRepo.outOfPurposeDone(
      db,
      outOfPurpose.map((r) => r.id),
    );
    const drafts = buildRows({
      fileId,
      fileEntries,
      recordEntries,
      exports,
      movements,
      corrections,
      disposals,
      outOfPurpose,
      outOfPurposeDone: new Map(done.map((d) => [d.subject_id ?? '', d.payload])),
      fieldLabel: (k) => loaded?.byKey.get(k)?.label ?? k,
    });
    const purposeLabels = new Map((loaded?.purposes ?? []).map((p) => [p.code, p.label]));
    const people = await nameMap([
      ...drafts.map((d) => d.personId),
      ...reqs.flatMap((r) => [r.requested_by, r.decided_by]),
      actorPersonId(ctx),
    ]);
    const nameOf = (id: string | null) => {
      const p = id ? people.get(id) : undefined;
      return p ? `${p.family_name} ${p.given_name}` : null;
    };
    const all: LedgerRowView[] = drafts.map(({ actorLabel, ...d }) => ({
      ...d,
      personName: nameOf(d.personId) ?? (actorLabel || '—'),
      employeeNumber: d.personId ? (people.get(d.personId)?.employee_number ?? null) : null,
      purposeLabel: d.purposeCode ? (purposeLabels.get(d.purposeCode) ?? d.purposeCode) : null,
    }));
    const names = await h.names();
    const filters: RowFilter = { act: q.act, personId: q.personId, purpose: q.purpose };
    const out: LedgerSheet = {
      fileId,
      fileName: facts.name,
      unitName: names.units.get(facts.unitId) ?? '',
      sectionName: names.sections.get(facts.sectionId) ?? '',
      from,
      to,
      filters,
      rows: all.filter((r) => matchesFilter(r, filters)),
      requests: reqs.map((r) => ({
        id: r.id,
        number: r.number,
        kind: r.kind,
        status: r.status,
        requestedByName: nameOf(r.requested_by) ?? '—',
        requestedAt: r.requested_at,
        decidedByName: nameOf(r.decided_by),
        decidedAt: r.decided_at,
        doneAt: r.done_at,
      })),
      madeAt: clock.now().toISOString(),
      madeBy: nameOf(actorPersonId(ctx)) ?? ctx.actor.label,
    };
    return {
      sheet: out,
      all,
      facts,
      subject,
      purposes: loaded?.purposes ?? [],
      openedOn: loaded?.row.created_at,
    };
  }

  /** Reading the ledger is itself recorded (the filters, never a value). */
  const viewed = (ctx: Ctx, s: LedgerSheet, subject: { unitId: string; sectionId: string }, format: string) =>
    ledger.audit(db, ctx, {
      type: 'handling.usage_ledger_viewed',
      subjectType: 'RegisterFile',
      subjectId: s.fileId,
      ...subject,
      data: {
        format,
        from: s.from,
        to: s.to,
        act: s.filters.act ?? null,
        personId: s.filters.personId ?? null,
        purpose: s.filters.purpose ?? null,
        rows: s.rows.length,
      },
    });

  const presentReview = (r: ReviewRow, names: Map<string, { family_name: string; given_name: string }>) => {
    const p = names.get(r.signed_by);
    return {
      id: r.id,
      month: monthOf(r.period_from),
      periodFrom: r.period_from,
      periodTo: r.period_to,
      signedById: r.signed_by,
      signedByName: p ? `${p.family_name} ${p.given_name}` : '—',
      signedAt: r.signed_at,
      comment: r.comment,
    } satisfies ReviewView;
  };

  async function reviewsOf(fileId: string): Promise<ReviewView[]> {
    const rows = await usageRepo.reviews(db, fileId);
    const names = await nameMap(rows.map((r) => r.signed_by));
    return rows.map((r) => presentReview(r, names));
  }

  const total = (rows: LedgerRowView[]) => ({
    times: rows.reduce((n, r) => n + r.times, 0),
    records: rows.reduce((n, r) => n + r.records, 0),
  });

  async function view(ctx: Ctx, fileId: string, raw: unknown): Promise<LedgerView> {
    const q = ledgerQuery.parse(raw);
    const { sheet: s, all, subject, purposes, openedOn } = await sheet(ctx, fileId, q);
    await viewed(ctx, s, subject, 'screen');
    const reviews = await reviewsOf(fileId);
    const canSign = authz.can(ctx, 'sign', 'UsageLedger', subject);
    const signed = new Set(reviews.map((r) => r.month));
    const byPurpose = new Map<string, LedgerRowView[]>();
    for (const r of s.rows) {
      const k = r.purposeCode ?? '';
      byPurpose.set(k, [...(byPurpose.get(k) ?? []), r]);
    }
    const people = new Map<string, string>();
    for (const r of all) if (r.personId) people.set(r.personId, r.personName);
    return {
      fileId,
      fileName: s.fileName,
      unitName: s.unitName,
      sectionName: s.sectionName,
      from: s.from,
      to: s.to,
      filters: {
        act: s.filters.act ?? null,
        personId: s.filters.personId ?? null,
        purpose: s.filters.purpose ?? null,
      },
      rows: s.rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      page: q.page,
      pageSize: q.pageSize,
      totalRows: s.rows.length,
      totals: {
        all: total(s.rows),
        byAct: USAGE_ACTS.map((act) => ({ act, ...total(s.rows.filter((r) => r.act === act)) })).filter(
          (t) => t.times > 0,
        ),
        byPurpose: [...byPurpose.values()].map((rows) => ({
          purposeCode: rows[0]!.purposeCode,
          purposeLabel: rows[0]!.purposeLabel,
          ...total(rows),
        })),
      },
      requests: s.requests,
      people: [...people]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ja')),
      purposes: purposes.map((p) => ({ code: p.code, label: p.label })),
      reviews,
      signable:
        canSign && openedOn
          ? endedMonths(openedOn.slice(0, 10), clock.today()).filter((m) => !signed.has(m))
          : [],
      canSign,
    };
  }

  const stamp = () => clock.today().replaceAll('-', '');

  async function xlsx(ctx: Ctx, fileId: string, raw: unknown) {
    const q = ledgerExportQuery.parse(raw);
    const { sheet: s, subject } = await sheet(ctx, fileId, q);
    await viewed(ctx, s, subject, 'xlsx');
    return { body: await ledgerXlsx(s), filename: `usage-ledger-${fileId.slice(0, 8)}-${stamp()}.xlsx` };
  }

  async function pdf(ctx: Ctx, fileId: string, raw: unknown) {
    const q = ledgerExportQuery.parse(raw);
    const { sheet: s, subject } = await sheet(ctx, fileId, q);
    await viewed(ctx, s, subject, 'pdf');
    return {
      body: Buffer.from(await ledgerPdf(s)),
      filename: `usage-ledger-${fileId.slice(0, 8)}-${stamp()}.pdf`,
    };
  }

  /**
   * One review per file and month: its id is derived from both, so a second signature of the same
   * month fails on the primary key even when two arrive at once (both databases).
   */
  const reviewId = (fileId: string, month: string) => {
    const h32 = createHash('sha256').update(`usage-review:${fileId}:${month}`).digest('hex').slice(0, 32);
    return `${h32.slice(0, 8)}-${h32.slice(8, 12)}-8${h32.slice(13, 16)}-a${h32.slice(17, 20)}-${h32.slice(20, 32)}`;
  };

  /** A16: the section's 保護管理者 signs off an ended month after reading it; once only. */
  async function sign(ctx: Ctx, fileId: string, raw: unknown): Promise<ReviewView> {
    const input = reviewInput.parse(raw);
    const facts = await h.rules.factsOr404(fileId);
    const subject = { unitId: facts.unitId, sectionId: facts.sectionId };
    await authz.assertCan(ctx, 'sign', 'UsageLedger', subject);
    const { from, to } = monthBounds(input.month);
    if (to >= clock.today()) throw new AppError('handling.usage_period_not_ended');
    const id = reviewId(fileId, input.month);
    const row = {
      id,
      file_id: fileId,
      period_from: from,
      period_to: to,
      signed_by: actorPersonId(ctx)!,
      signed_at: clock.now().toISOString(),
      comment: input.comment,
    };
    const exists = () =>
      db.selectFrom('handling_reviews').select('id').where('id', '=', id).executeTakeFirst();
    if (await exists()) throw new AppError('handling.usage_already_signed');
    try {
      await database.transaction(async (tx) => {
        await tx.insertInto('handling_reviews').values(row).execute();
        await ledger.audit(tx, ctx, {
          type: 'handling.usage_ledger_signed',
          subjectType: 'RegisterFile',
          subjectId: fileId,
          ...subject,
          data: { month: input.month, from, to },
        });
      });
    } catch (e) {
      if (await exists()) throw new AppError('handling.usage_already_signed');
      throw e;
    }
    return (await reviewsOf(fileId)).find((r) => r.id === id)!;
  }

  /** Months left unsigned past their due day, by file (A16); ids and dates only. */
  async function overdue(): Promise<
    { fileId: string; unitId: string; sectionId: string; months: string[] }[]
  > {
    const today = clock.today();
    const [files, reviews] = await Promise.all([usageRepo.vaultFiles(db), usageRepo.allReviews(db)]);
    const signed = new Set(reviews.map((r) => `${r.file_id}|${monthOf(r.period_from)}`));
    return files
      .map((f) => ({
        fileId: f.file_id,
        unitId: f.unit_id,
        sectionId: f.section_id,
        months: overdueMonths(f.created_at.slice(0, 10), today).filter(
          (m) => !signed.has(`${f.file_id}|${m}`),
        ),
      }))
      .filter((f) => f.months.length > 0);
  }

  /** A16: a section with a file whose ended month is left unsigned past the 10th of the next. */
  async function gaps(): Promise<UsageGap[]> {
    const late = await overdue();
    if (late.length === 0) return [];
    const names = await h.names();
    const bySection = new Map<string, UsageGap>();
    for (const f of late)
      if (!bySection.has(f.sectionId))
        bySection.set(
          f.sectionId,
          gapAt(names, {
            kind: 'usage_review_unsigned',
            role: 'protection_manager',
            scope: 'section',
            unitId: f.unitId,
            sectionId: f.sectionId,
            article: 'A16',
          }),
        );
    return [...bySection.values()];
  }

  /**
   * On the 1st of each month: each file's 保護管理者 is told that last month's ledger awaits their
   * reading and signature (review.due; the file's id and the month only).
   */
  async function remind(): Promise<number> {
    const today = clock.today();
    const month = previousMonth(monthOf(today));
    const [files, reviews] = await Promise.all([usageRepo.vaultFiles(db), usageRepo.allReviews(db)]);
    const signed = new Set(reviews.map((r) => `${r.file_id}|${monthOf(r.period_from)}`));
    let sent = 0;
    await database.transaction(async (tx) => {
      for (const f of files) {
        if (monthOf(f.created_at.slice(0, 10)) > month || signed.has(`${f.file_id}|${month}`)) continue;
        const managers = await usageRepo.protectionManagers(tx, f.section_id, today);
        if (managers.length === 0) continue;
        await h.notifications.notify(tx, managers, 'review.due', { data: { fileId: f.file_id, month } });
        sent += managers.length;
      }
    });
    if (sent > 0) h.notifications.flushSoon();
    return sent;
  }

  const jobs: Job[] = [
    { name: 'usage-ledger-review-due', pattern: '0 8 1 * *', run: async () => void (await remind()) },
  ];

  return { view, xlsx, pdf, sign, reviews: reviewsOf, gaps, overdue, remind, jobs };
}

export type UsageService = ReturnType<typeof createUsageService>;
