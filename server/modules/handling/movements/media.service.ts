import {
  mediumInput,
  mediumListQuery,
  mediumPlaceInput,
  type MediumView,
} from '../../../../shared/api/handling-movements.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createNamer, isOverdue, presentMedium, type Namer } from './movements.presenters.ts';
import { movementsRepo, type MediumRow } from './movements.repo.ts';

const subject = (m: Pick<MediumRow, 'unit_id' | 'section_id'>) => ({
  unitId: m.unit_id,
  sectionId: m.section_id,
});

/** The scopes of the register of media a person reads (movements.policy.ts), for the list's query. */
export function readScope(ctx: Ctx, what: 'HandlingMedium' | 'HandlingMovement') {
  if (ctx.actor.kind === 'system') return { all: true, sectionIds: [], unitIds: [] };
  const roles = ctx.actor.roles;
  const all = roles.some((r) => r.role === 'chief_manager' || r.role === 'audit_officer');
  const sectionRoles =
    what === 'HandlingMedium' ? ['protection_manager', 'protection_officer'] : ['protection_manager'];
  const sectionIds = roles
    .filter((r) => sectionRoles.includes(r.role) && r.sectionId)
    .map((r) => r.sectionId!);
  if (what === 'HandlingMedium' && ctx.actor.sectionId) sectionIds.push(ctx.actor.sectionId);
  const unitIds = roles
    .filter((r) => r.role === 'chief_protection_manager' && r.unitId)
    .map((r) => r.unitId!);
  return { all, sectionIds: [...new Set(sectionIds)], unitIds };
}

/**
 * The register of media (A14): each medium that holds personal information is registered by its
 * section with the files it holds and the place it is kept; changing that place is recorded; its
 * taking out and return are movements (movements.service.ts), its disposal the disposal act's (A15).
 * Every change is an audit event in the same transaction.
 */
export function createMediaService(h: HandlingContext) {
  const { database, ledger, authz, clock } = h;
  const db = database.db;

  async function present(ctx: Ctx, n: Namer, m: MediumRow): Promise<MediumView> {
    const [out] = await movementsRepo.movements(db, { all: true, mediumId: m.id, outNow: true, limit: 1 });
    return presentMedium(n, m, {
      outWith: out
        ? { movementId: out.id, dueBack: out.due_back, overdue: isOverdue(out, clock.today()) }
        : null,
      canEdit: m.status !== 'disposed' && authz.can(ctx, 'manage', 'HandlingMedium', subject(m)),
    });
  }

  async function load(id: string): Promise<MediumRow> {
    const m = await movementsRepo.medium(db, id);
    if (!m) throw new AppError('handling.medium_not_found');
    return m;
  }

  /** The media the caller may see (their section's, the sections they manage, their unit's, or all). */
  async function list(ctx: Ctx, raw: unknown): Promise<{ media: MediumView[]; canRegister: boolean }> {
    const q = mediumListQuery.parse(raw ?? {});
    const scope = readScope(ctx, 'HandlingMedium');
    let rows = await movementsRepo.media(db, {
      ...(scope.all ? {} : { sectionIds: scope.sectionIds, unitIds: scope.unitIds }),
      status: q.status,
    });
    if (q.sectionId) rows = rows.filter((m) => m.section_id === q.sectionId);
    if (q.fileId) rows = rows.filter((m) => (JSON.parse(m.file_ids) as string[]).includes(q.fileId!));
    const n = createNamer(h);
    return {
      media: await Promise.all(rows.map((m) => present(ctx, n, m))),
      canRegister: authz.can(ctx, 'manage', 'HandlingMedium'),
    };
  }

  async function get(ctx: Ctx, id: string): Promise<MediumView> {
    const m = await load(id);
    await authz.assertCan(ctx, 'read', 'HandlingMedium', { id, ...subject(m) });
    return present(ctx, createNamer(h), m);
  }

  /**
   * A14: registers a medium of the section whose files it holds (all of one section, from the
   * register). Throws handling.medium_files_invalid, auth.forbidden.
   */
  async function register(ctx: Ctx, raw: unknown): Promise<MediumView> {
    const input = mediumInput.parse(raw);
    const fileIds = [...new Set(input.fileIds)];
    const facts = await Promise.all(fileIds.map((id) => h.fileFacts(id)));
    const first = facts[0];
    if (!first || facts.some((f) => !f || f.sectionId !== first.sectionId))
      throw new AppError('handling.medium_files_invalid');
    await authz.assertCan(ctx, 'manage', 'HandlingMedium', {
      unitId: first.unitId,
      sectionId: first.sectionId,
    });
    const row: MediumRow = {
      id: newId(),
      unit_id: first.unitId,
      section_id: first.sectionId,
      label: input.label,
      kind: input.kind,
      storage_place: input.storagePlace,
      file_ids: JSON.stringify(fileIds),
      status: 'stored',
      registered_at: clock.now().toISOString(),
      registered_by: actorPersonId(ctx),
      disposed_at: null,
      disposal_method: null,
      disposal_witness: null,
      disposal_request_id: null,
    };
    await database.transaction(async (tx) => {
      await movementsRepo.insertMedium(tx, row);
      await ledger.audit(tx, ctx, {
        type: 'handling.medium_registered',
        subjectType: 'HandlingMedium',
        subjectId: row.id,
        unitId: row.unit_id,
        sectionId: row.section_id,
        after: { label: row.label, kind: row.kind, storagePlace: row.storage_place, fileIds },
      });
    });
    return present(ctx, createNamer(h), row);
  }

  /** A14: the place a medium is kept changes, with a reason. Throws medium_not_found / medium_disposed. */
  async function updatePlace(ctx: Ctx, id: string, raw: unknown): Promise<MediumView> {
    const input = mediumPlaceInput.parse(raw);
    const m = await load(id);
    await authz.assertCan(ctx, 'manage', 'HandlingMedium', { id, ...subject(m) });
    if (m.status === 'disposed') throw new AppError('handling.medium_disposed');
    await database.transaction(async (tx) => {
      await movementsRepo.updateMedium(tx, id, { storage_place: input.storagePlace });
      await ledger.audit(tx, ctx, {
        type: 'handling.medium_place_changed',
        subjectType: 'HandlingMedium',
        subjectId: id,
        unitId: m.unit_id,
        sectionId: m.section_id,
        before: { storagePlace: m.storage_place },
        after: { storagePlace: input.storagePlace },
        reason: input.reason,
      });
    });
    return get(ctx, id);
  }

  return { list, get, register, updatePlace, load };
}

export type MediaService = ReturnType<typeof createMediaService>;
