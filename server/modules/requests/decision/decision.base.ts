import {
  DISCLOSING_DECISIONS,
  type Decision,
  type DecisionFieldView,
  type DecisionRecordView,
  type DecisionState,
  type WithheldItemView,
  type WithholdGround,
} from '../../../../shared/api/requests-decision.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RequestsCoreApi, SubjectRequestRow } from '../core/core.types.ts';
import type { ConfirmedMatch, RequestsSearchApi } from '../search/search.types.ts';
import { decisionRepo, type WithheldRow } from './decision.repo.ts';
import type { RuleRecord } from './decision.rules.ts';

export const DECISION_KIND = 'disclosure_decision';

/** A confirmed record with the definitions of its file's fields (labels, never values). */
export interface DecisionRecord extends ConfirmedMatch {
  fields: DecisionFieldView[];
}

/**
 * What the steps of the decision share: the request as a disclosure request, its confirmed records
 * with their field labels (from the vault's schema: nothing is read), its withheld items.
 */
export function createDecisionBase(core: RequestsCoreApi, search: RequestsSearchApi) {
  const deps = core.deps;
  const db = deps.database.db;

  /** The request, read (`read`) or handled (`handle`) by the caller, if it asks for disclosure (法76). */
  async function disclosure(ctx: Ctx, id: string, mode: 'read' | 'handle'): Promise<SubjectRequestRow> {
    const row = mode === 'read' ? await core.readable(ctx, id) : await core.handled(ctx, id);
    if (row.kind !== 'disclosure') throw new AppError('requests.not_disclosure');
    return row;
  }

  /** The confirmed records of the request with their fields (My Numbers flagged: 番号法). */
  async function records(requestId: string): Promise<DecisionRecord[]> {
    const confirmed = await search.confirmed(requestId);
    const schemas = await deps.vaultSubjects.fields([...new Set(confirmed.map((m) => m.fileId))]);
    const byFile = new Map(schemas.map((s) => [s.fileId, s.fields]));
    return confirmed
      .map((m) => ({
        ...m,
        fields: (byFile.get(m.fileId) ?? []).map((f) => ({
          key: f.key,
          label: f.label,
          type: f.type,
          myNumber: f.sensitivity === 'my_number',
        })),
      }))
      .sort((a, b) => a.fileName.localeCompare(b.fileName, 'ja') || a.matchId.localeCompare(b.matchId));
  }

  const ruleRecords = (recs: DecisionRecord[]): RuleRecord[] =>
    recs.map((r) => ({
      matchId: r.matchId,
      fieldKeys: r.fields.filter((f) => !f.myNumber).map((f) => f.key),
    }));

  function withheldViews(rows: WithheldRow[], recs: DecisionRecord[]): WithheldItemView[] {
    const byMatch = new Map(recs.map((r) => [r.matchId, r]));
    return rows.map((w) => {
      const rec = byMatch.get(w.match_id);
      return {
        id: w.id,
        matchId: w.match_id,
        fileId: w.file_id,
        fileName: rec?.fileName ?? '',
        recordId: w.record_id,
        fieldKey: w.field_key,
        fieldLabel: w.field_key
          ? (rec?.fields.find((f) => f.key === w.field_key)?.label ?? w.field_key)
          : null,
        ground: w.ground as WithholdGround,
        reason: w.reason,
        createdBy: w.created_by,
        createdAt: w.created_at,
      };
    });
  }

  const withheld = (requestId: string) => decisionRepo.withheld(db, requestId);

  /** draft (being prepared), deciding (waiting for approval), decided (approved). */
  const stateOf = (row: SubjectRequestRow): DecisionState =>
    row.decided_on ? 'decided' : row.status === 'deciding' ? 'deciding' : 'draft';

  const discloses = (row: SubjectRequestRow) =>
    row.decided_on !== null && DISCLOSING_DECISIONS.includes(row.decision as Decision);

  const recordView = (r: DecisionRecord): DecisionRecordView => ({
    matchId: r.matchId,
    fileId: r.fileId,
    fileName: r.fileName,
    recordId: r.recordId,
    fields: r.fields,
  });

  return {
    core,
    search,
    deps,
    db,
    disclosure,
    records,
    ruleRecords,
    withheld,
    withheldViews,
    stateOf,
    discloses,
    recordView,
  };
}

export type DecisionBase = ReturnType<typeof createDecisionBase>;
