import type { RemedyCandidateView } from '../../../../shared/api/requests-remedies.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RequestsCoreApi, SubjectRequestRow } from '../core/core.types.ts';
import type { RequestsSearchApi } from '../search/search.types.ts';

export const REMEDY_KIND = 'remedy_decision';

/** A file's schema as the remedies see it: field labels and the registered purposes (nothing sealed). */
export interface FileSchema {
  fileId: string;
  fields: { key: string; label: string; myNumber: boolean }[];
  purposes: { code: string; label: string }[];
}

/** The values the requester asks for, sealed at rest (never plain: keys.seal('subject-request', …)). */
export type RequestedValues = Record<string, string | number | null>;

/**
 * What the steps of a correction (法90–97) or suspension (法98–103) request share: the request as
 * such, the records confirmed for its parent disclosure (the records a remedy may concern), the
 * schemas of their files, the sealing of the values asked for.
 */
export function createRemediesBase(core: RequestsCoreApi, search: RequestsSearchApi) {
  const deps = core.deps;
  const db = deps.database.db;

  /** The request, read (`read`) or handled (`handle`) by the caller, if it asks for a remedy. */
  async function remedy(ctx: Ctx, id: string, mode: 'read' | 'handle'): Promise<SubjectRequestRow> {
    const row = mode === 'read' ? await core.readable(ctx, id) : await core.handled(ctx, id);
    if (row.kind !== 'correction' && row.kind !== 'suspension') throw new AppError('requests.not_remedy');
    return row;
  }

  /** The records confirmed for the parent disclosure (法90-1: information disclosed to the requester). */
  async function candidates(row: SubjectRequestRow): Promise<RemedyCandidateView[]> {
    if (!row.parent_id) return [];
    const confirmed = await search.confirmed(row.parent_id);
    const schemas = await schemaOf(confirmed.map((m) => m.fileId));
    return confirmed
      .map((m) => {
        const s = schemas.get(m.fileId);
        return {
          matchId: m.matchId,
          fileId: m.fileId,
          fileName: m.fileName,
          recordId: m.recordId,
          fields: (s?.fields ?? []).map((f) => ({ key: f.key, label: f.label })),
          purposes: s?.purposes ?? [],
        };
      })
      .sort((a, b) => a.fileName.localeCompare(b.fileName, 'ja') || a.matchId.localeCompare(b.matchId));
  }

  async function schemaOf(fileIds: string[]): Promise<Map<string, FileSchema>> {
    const rows = await deps.vaultSuspensions.schemaOf(fileIds);
    return new Map(rows.map((r) => [r.fileId, r]));
  }

  const seal = (values: RequestedValues) => deps.keys.seal('subject-request', JSON.stringify(values));
  const open = (sealed: string | null): RequestedValues =>
    sealed ? (JSON.parse(deps.keys.open('subject-request', sealed)) as RequestedValues) : {};

  const notFuture = (day: string) => {
    if (day > core.today()) throw new AppError('requests.date_in_future');
  };

  const me = (ctx: Ctx) => (ctx.actor.kind === 'person' ? ctx.actor.personId : null);

  return { core, search, deps, db, remedy, candidates, schemaOf, seal, open, notFuture, me };
}

export type RemediesBase = ReturnType<typeof createRemediesBase>;
