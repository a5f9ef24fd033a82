import type { SystemView } from '../../../../shared/api/facility-systems.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOf, personOf, subjectOf } from '../common/core.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { measureStates, presentSystem, type NameOf } from './systems.presenters.ts';
import { systemsRepo, type SystemRow } from './systems.repo.ts';

export const SUBJECT = 'FacilitySystem';
/** The authorisation subject of a system: its id, unit and owning section. */
export { subjectOf };

/**
 * What the parts of information systems share (issue 11; A23, A24, A28): the caller, reading a
 * system within the caller's view (404 otherwise, never 403), names, and the audit events (ids,
 * codes and counts only) written in the transaction of the change.
 */
export function createSystemsCore(deps: FacilitiesDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  function namer(): NameOf {
    const cache = new Map<string, Promise<string>>();
    return (id) => {
      let n = cache.get(id);
      if (!n) cache.set(id, (n = deps.person(id).then((p) => p?.name ?? '')));
      return n;
    };
  }

  /** A system the caller reads, or facilities.system_not_found. */
  async function readable(ctx: Ctx, id: string, exec: Executor = db): Promise<SystemRow> {
    personOf(ctx);
    const row = await systemsRepo.get(exec, id);
    if (!row || !authz.can(ctx, 'read', SUBJECT, subjectOf(row)))
      throw new AppError('facilities.system_not_found');
    return row;
  }

  const audit = auditOf(ledger, SUBJECT);

  /** The names of the register's files linked to a system (looked up outside any transaction). */
  async function fileNames(row: SystemRow, fileIds: string[]) {
    if (fileIds.length === 0) return [];
    const unitFiles = new Map((await deps.unitFiles(row.unit_id)).map((f) => [f.id, f.name]));
    return Promise.all(
      fileIds.map(async (id) => ({
        id,
        name: unitFiles.get(id) ?? (await deps.fileFacts(id))?.name ?? '',
      })),
    );
  }

  async function view(ctx: Ctx, id: string): Promise<SystemView> {
    const row = await readable(ctx, id);
    const [measures, checks, files] = await Promise.all([
      systemsRepo.measures(db, [id]),
      systemsRepo.checks(db, [id]),
      systemsRepo.files(db, [id]),
    ]);
    const subject = subjectOf(row);
    const active = row.active === 1;
    const can = {
      edit: authz.can(ctx, 'edit', SUBJECT, subject),
      check: active && authz.can(ctx, 'check', SUBJECT, subject),
      documents: authz.can(ctx, 'read_documents', SUBJECT, subject),
      manageDocuments: authz.can(ctx, 'keep_documents', SUBJECT, subject),
    };
    return presentSystem(
      row,
      measureStates(row, measures, checks, clock.today()),
      await fileNames(row, files.map((f) => f.file_id).sort()),
      await deps.names(),
      namer(),
      can,
    );
  }

  return { deps, db, now, personOf, namer, readable, audit, view };
}
export type SystemsCore = ReturnType<typeof createSystemsCore>;
