import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type OfficeView,
  type PeriodsView,
  type RequestListView,
  type RequestView,
} from '../../../../shared/api/requests.ts';
import type { Ctx } from '../../../platform/context.ts';
import { z } from 'zod';
import type { RequestsBase } from './requests.core.ts';
import { computeDue, isUndecided, periodsOf } from './requests.periods.ts';
import { SUBJECT } from './requests.policy.ts';
import { presentRequest, presentSummary } from './requests.presenters.ts';
import { requestsRepo, type PauseRow, type RequestRow } from './requests.repo.ts';

export const boardQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  kind: z.enum(REQUEST_KINDS).optional(),
  unitId: z.string().min(1).max(36).optional(),
});

/**
 * Reading individuals' requests: the overview with the requester's particulars (handlers and the
 * 監査責任者; the reading is an access event with the request as its purpose, A11-3, A22-1), the board
 * by nearest date, the receiving offices, the periods step by step.
 */
export function createRequestsReading(base: RequestsBase) {
  const { deps, db } = base;
  const { config, ledger } = deps;

  /** What a handler may do now (the buttons of the overview). */
  function can(ctx: Ctx, row: RequestRow, pauses: PauseRow[]): RequestView['can'] {
    const handle = base.canHandle(ctx, row);
    const received = row.status === 'received';
    const original = computeDue(config, row, pauses).originalDueOn;
    return {
      handle,
      pause: handle && received,
      extend:
        handle &&
        received &&
        !row.extended_days &&
        row.large !== 1 &&
        original !== null &&
        base.today() <= original,
      withdraw: handle && ['received', 'correcting', 'deciding', 'decided'].includes(row.status),
      decide: handle && received,
    };
  }

  async function view(ctx: Ctx, id: string): Promise<RequestView> {
    const row = await base.readable(ctx, id);
    const [pauses, names, files, checkedBy, children, parent] = await Promise.all([
      requestsRepo.pauses(db, [id]),
      deps.names(),
      deps.registerFiles(),
      deps.person(row.identity_checked_by),
      requestsRepo.children(db, id),
      row.parent_id ? requestsRepo.numbers(db, [row.parent_id]) : Promise.resolve([]),
    ]);
    const today = base.today();
    const wanted = base.fileIds(row);
    const fileNames = new Map(files.map((f) => [f.id, f.name]));
    // A22-1: who saw the requester's particulars, logged before they are served (ids and the number).
    await ledger.access(ctx, {
      type: 'requests.request_viewed',
      unitId: row.unit_id,
      sectionId: row.section_id,
      purpose: base.purposeOf(row),
      subjectType: SUBJECT,
      subjectId: row.id,
      fields: ['requester', 'content'],
      outcome: 'ok',
      data: { requestId: row.id, number: row.number },
    });
    return presentRequest(row, {
      names,
      periods: periodsOf(config, row, pauses, today),
      today,
      pauses,
      requester: base.requester(row),
      content: base.content(row),
      files: wanted.map((fid) => ({ id: fid, name: fileNames.get(fid) ?? '' })),
      checkedByName: checkedBy?.name ?? '',
      parentNumber: parent[0]?.number ?? null,
      children: children.map((c) => ({
        id: c.id,
        number: c.number,
        kind: c.kind as RequestView['kind'],
        status: c.status as RequestView['status'],
      })),
      can: can(ctx, row, pauses),
    });
  }

  async function periods(ctx: Ctx, id: string): Promise<PeriodsView> {
    return base.periods(await base.readable(ctx, id));
  }

  /** The sections where the caller may receive requests (handle), by unit then name. */
  async function handledSections(ctx: Ctx) {
    const structure = await deps.structure();
    return structure.sections.filter((s) =>
      deps.authz.can(ctx, 'handle', SUBJECT, { unitId: s.unitId, sectionId: s.id }),
    );
  }

  /**
   * The board: the requests the caller reads, open ones first by their next date (the deadline, or
   * the method choice of a decided disclosure; paused ones after those with a date), then the
   * others, recent first. Requesters' names only for the requests the caller handles.
   */
  async function list(ctx: Ctx, raw: unknown = {}): Promise<RequestListView> {
    base.personOf(ctx);
    const q = boardQuery.parse(raw ?? {});
    const all = (await requestsRepo.all(db)).filter(
      (r) =>
        base.canRead(ctx, r) &&
        (!q.status || r.status === q.status) &&
        (!q.kind || r.kind === q.kind) &&
        (!q.unitId || r.unit_id === q.unitId),
    );
    const [pauses, names, sections] = await Promise.all([
      requestsRepo.pauses(
        db,
        all.map((r) => r.id),
      ),
      deps.names(),
      handledSections(ctx),
    ]);
    const today = base.today();
    const lines = all.map((row) => {
      const periods = periodsOf(
        config,
        row,
        pauses.filter((p) => p.request_id === row.id),
        today,
      );
      const name = base.canHandle(ctx, row) ? base.requester(row).name : null;
      return presentSummary(row, { names, periods, today, requesterName: name });
    });
    const open = (s: string) => isUndecided(s) || s === 'decided';
    const opened = lines
      .filter((l) => open(l.status))
      .sort(
        (a, b) =>
          (a.nextDate ?? '9999-12-31').localeCompare(b.nextDate ?? '9999-12-31') ||
          a.number.localeCompare(b.number),
      );
    const closed = lines
      .filter((l) => !open(l.status))
      .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.number.localeCompare(a.number));
    const named = lines.filter((l) => l.requesterName !== null);
    if (named.length)
      await deps.ledger.access(ctx, {
        type: 'requests.board_viewed',
        unitId: null,
        sectionId: null,
        purpose: '開示請求等の処理状況の確認',
        subjectType: SUBJECT,
        subjectId: null,
        fields: ['requester.name'],
        outcome: 'ok',
        data: { numbers: named.map((l) => l.number) },
      });
    return { requests: [...opened, ...closed], canCreate: sections.length > 0 };
  }

  /**
   * Where the caller receives requests, with the register's words naming the office (法77-1) and the
   * register's files of its unit (the files a request may name, 法77-1-2).
   */
  async function offices(ctx: Ctx): Promise<{ offices: OfficeView[] }> {
    base.personOf(ctx);
    const [sections, names, files] = await Promise.all([
      handledSections(ctx),
      deps.names(),
      deps.registerFiles(),
    ]);
    return {
      offices: sections
        .map((s) => ({
          sectionId: s.id,
          sectionName: s.name,
          unitId: s.unitId,
          unitName: names.units.get(s.unitId) ?? '',
          registerTexts: [
            ...new Set(
              files.filter((f) => f.sectionId === s.id && f.requestOffice).map((f) => f.requestOffice),
            ),
          ],
          files: files
            .filter((f) => f.unitId === s.unitId)
            .map((f) => ({ id: f.id, name: f.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id)),
        }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName) || a.sectionName.localeCompare(b.sectionName)),
    };
  }

  return { view, periods, list, offices, handledSections, can };
}

export type RequestsReading = ReturnType<typeof createRequestsReading>;
