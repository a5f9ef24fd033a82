import type { ApprovalLevel, ApprovalStatus, ApprovalView } from '../../../shared/api/approvals.ts';
import type { ApprovalsDeps } from './approvals.deps.ts';
import type { EventRow, RequestRow } from './approvals.repo.ts';

/** Requests as the app shows them: ids with the names of people, units, sections and the file. */
export function createPresenter(deps: ApprovalsDeps) {
  const nameOf = async (id: string | null) => (id ? ((await deps.person(id))?.name ?? null) : null);

  return async function present(
    r: RequestRow,
    extra: {
      canDecide: boolean;
      canWithdraw: boolean;
      canResubmit: boolean;
      events?: EventRow[] | undefined;
    },
  ): Promise<ApprovalView> {
    const names = await deps.names();
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      unitId: r.unit_id,
      unitName: names.units.get(r.unit_id) ?? '',
      sectionId: r.section_id,
      sectionName: names.sections.get(r.section_id) ?? '',
      fileId: r.file_id,
      fileName: r.file_id ? await deps.fileName(r.file_id) : null,
      recordIds: r.record_ids ? (JSON.parse(r.record_ids) as string[]) : null,
      reason: r.reason,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      level: r.level as ApprovalLevel,
      status: r.status as ApprovalStatus,
      requestedBy: r.requested_by,
      requestedByName: (await nameOf(r.requested_by)) ?? '',
      requestedAt: r.requested_at,
      decidedBy: r.decided_by,
      decidedByName: await nameOf(r.decided_by),
      actingFor: r.acting_for,
      decidedAt: r.decided_at,
      decisionComment: r.decision_comment,
      expiresAt: r.expires_at,
      doneAt: r.done_at,
      revision: r.revision,
      ...extra,
      events: extra.events
        ? await Promise.all(
            extra.events.map(async (e) => ({
              action: e.action,
              actorId: e.actor_id,
              actorName: await nameOf(e.actor_id),
              actingFor: e.acting_for,
              actingForName: await nameOf(e.acting_for),
              comment: e.comment,
              at: e.at,
            })),
          )
        : undefined,
    };
  };
}
