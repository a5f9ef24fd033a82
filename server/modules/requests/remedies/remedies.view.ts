import {
  remedyItemsInput,
  type ItemOutcome,
  type NoticeStatus,
  type RemedyDecision,
  type RemedyPhase,
  type RemedyView,
} from '../../../../shared/api/requests-remedies.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { SubjectRequestRow } from '../core/core.types.ts';
import type { RemediesBase, RequestedValues } from './remedies.base.ts';
import { remediesRepo, type RecipientNoticeRow, type RemedyItemRow } from './remedies.repo.ts';

/** What is still missing before a decided remedy is carried out (A13 corrections, 法97/法101 notices). */
export function missingOf(
  items: Pick<RemedyItemRow, 'id' | 'outcome' | 'correction_id'>[],
  states: Map<string, string>,
  notices: Pick<RecipientNoticeRow, 'id' | 'status'>[],
): { path: string; code: string }[] {
  const out: { path: string; code: string }[] = [];
  for (const i of items)
    if (i.outcome === 'accepted' && i.correction_id && states.get(i.correction_id) !== 'corrected')
      out.push({ path: `items.${i.id}`, code: 'correction_pending' });
  for (const n of notices)
    if (n.status === 'pending') out.push({ path: `notices.${n.id}`, code: 'notice_pending' });
  return out;
}

/**
 * The remedy page's data and the items the handler prepares: the records concerned (confirmed for
 * the parent disclosure), with the fields to correct and the values asked for (sealed; opened for
 * handlers only), or the purposes to stop; the decision, the corrections' states read from handling,
 * the suspensions in the vault, the notices to recipients, what is missing and what the caller can do.
 */
export function createRemediesView(b: RemediesBase) {
  const { core, deps, db } = b;

  const phaseOf = (row: SubjectRequestRow): RemedyPhase =>
    row.status === 'carried_out' || row.status === 'closed'
      ? 'done'
      : row.decided_on
        ? 'applying'
        : row.status === 'deciding'
          ? 'deciding'
          : 'drafting';

  async function view(ctx: Ctx, id: string): Promise<RemedyView> {
    const row = await b.remedy(ctx, id, 'read');
    const handler = core.canHandle(ctx, row);
    const [items, notices, candidates, parent, approval, suspensions] = await Promise.all([
      remediesRepo.items(db, id),
      remediesRepo.notices(db, id),
      b.candidates(row),
      row.parent_id ? remediesRepo.request(db, row.parent_id) : undefined,
      row.approval_id ? deps.approvals.row(row.approval_id) : undefined,
      deps.vaultSuspensions.ofRequest(id),
    ]);
    const schemas = await b.schemaOf([...items.map((i) => i.file_id), ...suspensions.map((s) => s.file_id)]);
    const states = await deps.corrections.states(
      items.map((i) => i.correction_id).filter((c): c is string => c !== null),
    );
    const names = new Map(candidates.map((c) => [c.matchId, c.fileName]));
    const recorders = new Map<string, string>();
    for (const n of notices)
      if (n.recorded_by && !recorders.has(n.recorded_by))
        recorders.set(n.recorded_by, (await deps.person(n.recorded_by))?.name ?? '—');
    const payload = approval ? (JSON.parse(approval.payload) as { reason?: string }) : {};
    const missing = row.status === 'decided' ? missingOf(items, states, notices) : [];
    const drafting = row.status === 'received' && !row.decided_on;
    return {
      requestId: row.id,
      number: row.number,
      kind: row.kind as 'correction' | 'suspension',
      status: row.status,
      phase: phaseOf(row),
      parentId: row.parent_id,
      parentNumber: parent?.number ?? null,
      items: items.map((i) => {
        const schema = schemas.get(i.file_id);
        const keys = JSON.parse(i.field_keys) as string[];
        const codes = JSON.parse(i.purpose_codes) as string[];
        // The values asked for are the requester's words: opened for handlers only.
        const values: RequestedValues = handler ? b.open(i.sealed_values) : {};
        return {
          id: i.id,
          matchId: i.match_id,
          fileId: i.file_id,
          fileName: names.get(i.match_id) ?? '',
          recordId: i.record_id,
          fields: keys.map((k) => ({
            key: k,
            label: schema?.fields.find((f) => f.key === k)?.label ?? k,
            requested: handler ? (values[k] ?? null) : null,
          })),
          purposes: codes.map((c) => ({
            code: c,
            label: schema?.purposes.find((p) => p.code === c)?.label ?? c,
          })),
          outcome: i.outcome as ItemOutcome | null,
          outcomeReason: i.outcome_reason,
          correctionId: i.correction_id,
          correctionStatus: i.correction_id ? ((states.get(i.correction_id) as never) ?? null) : null,
          appliedAt: i.applied_at,
        };
      }),
      candidates: handler && drafting ? candidates : [],
      decision: (row.decision as RemedyDecision | null) ?? null,
      decisionReason: payload.reason ?? null,
      decidedOn: row.decided_on,
      approval: approval ? { id: approval.id, number: approval.number, status: approval.status } : null,
      suspensions: suspensions.map((s) => ({
        id: s.id,
        fileId: s.file_id,
        recordId: s.record_id,
        purposeCode: s.purpose_code,
        purposeLabel:
          schemas.get(s.file_id)?.purposes.find((p) => p.code === s.purpose_code)?.label ?? s.purpose_code,
        since: s.since,
        liftedAt: s.lifted_at,
      })),
      notices: notices.map((n) => ({
        id: n.id,
        provisionId: n.provision_id,
        provisionNumber: n.provision_number,
        partyName: n.party_name,
        status: n.status as NoticeStatus,
        reason: n.reason,
        toldOn: n.told_on,
        recordedByName: n.recorded_by ? (recorders.get(n.recorded_by) ?? null) : null,
      })),
      carriedOutOn: row.carried_out_on,
      missing,
      can: {
        editItems: handler && drafting,
        submit: handler && drafting && items.length > 0,
        recordNotice: handler && row.status === 'decided',
        notice: row.decided_on !== null,
        carryOut: handler && row.status === 'decided' && missing.length === 0,
      },
    };
  }

  /**
   * Sets the records concerned before submission (法90-1, 法98-1): each a confirmed record of the
   * parent disclosure; a correction names fields of its file with the values asked for (sealed), a
   * suspension the purposes of its file to stop.
   */
  async function setItems(ctx: Ctx, id: string, raw: unknown): Promise<RemedyView> {
    const row = await b.remedy(ctx, id, 'handle');
    const input = remedyItemsInput.parse(raw);
    if (row.status !== 'received' || row.decided_on) throw new AppError('requests.remedy_state');
    if (!row.parent_id) throw new AppError('requests.remedy_parent_missing');
    const candidates = new Map((await b.candidates(row)).map((c) => [c.matchId, c]));
    const seen = new Set<string>();
    const now = deps.clock.now().toISOString();
    const rows: RemedyItemRow[] = input.items.map((item) => {
      const c = candidates.get(item.matchId);
      if (!c) throw new AppError('requests.remedy_match_invalid');
      if (seen.has(item.matchId)) throw new AppError('requests.remedy_item_duplicate');
      seen.add(item.matchId);
      const keys = item.fields.map((f) => f.key);
      const codes = [...new Set(item.purposeCodes)];
      if (row.kind === 'correction') {
        const known = new Set(c.fields.map((f) => f.key));
        if (keys.length === 0 || new Set(keys).size !== keys.length || keys.some((k) => !known.has(k)))
          throw new AppError('requests.remedy_fields_invalid');
        if (codes.length) throw new AppError('requests.remedy_purposes_invalid');
      } else {
        const known = new Set(c.purposes.map((p) => p.code));
        if (codes.length === 0 || codes.some((p) => !known.has(p)))
          throw new AppError('requests.remedy_purposes_invalid');
        if (keys.length) throw new AppError('requests.remedy_fields_invalid');
      }
      return {
        id: newId(),
        request_id: id,
        match_id: c.matchId,
        file_id: c.fileId,
        record_id: c.recordId,
        field_keys: JSON.stringify(keys),
        sealed_values: keys.length
          ? b.seal(Object.fromEntries(item.fields.map((f) => [f.key, f.value])))
          : null,
        purpose_codes: JSON.stringify(codes),
        outcome: null,
        outcome_reason: null,
        report_correction_id: null,
        sealed_report: null,
        correction_id: null,
        applied_at: null,
        created_at: now,
      };
    });
    await deps.database.transaction(async (tx) => {
      await remediesRepo.replaceItems(tx, id, rows);
      // Ids and codes only: the values asked for stay sealed (A22).
      await core.audit(tx, ctx, row, 'requests.remedy_items_set', {
        items: rows.length,
        fileIds: [...new Set(rows.map((r) => r.file_id))],
        fields: [...new Set(rows.flatMap((r) => JSON.parse(r.field_keys) as string[]))].sort(),
        purposeCodes: [...new Set(rows.flatMap((r) => JSON.parse(r.purpose_codes) as string[]))].sort(),
      });
    });
    return view(ctx, id);
  }

  return { view, setItems };
}
