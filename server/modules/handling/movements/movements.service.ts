import {
  CARRY_MEANS,
  movementFormQuery,
  movementInput,
  movementListQuery,
  returnInput,
  TRANSMIT_MEANS,
  type MovementFormView,
  type MovementKind,
  type MovementView,
} from '../../../../shared/api/handling-movements.ts';
import type { VaultPermission } from '../../../../shared/api/vault.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { HandlingContext } from '../handling.deps.ts';
import type { MediaService } from './media.service.ts';
import { readScope } from './media.service.ts';
import {
  createNamer,
  presentMovement,
  stateOf,
  type MovementPayload,
  type Namer,
} from './movements.presenters.ts';
import { movementsRepo, type MediumRow, type MovementWithRequest } from './movements.repo.ts';

type Input = ReturnType<typeof movementInput.parse>;

/** A11-2: the grant permission each movement needs, besides any approval (an approval never widens a grant). */
const PERMISSION: Record<MovementKind, VaultPermission> = {
  transmit: 'transmit',
  send_out: 'take_out',
  take_out: 'take_out',
};

/** The audit event of the act carried out. */
const ACT_EVENT: Record<MovementKind, string> = {
  transmit: 'handling.transmitted',
  send_out: 'handling.medium_sent_out',
  take_out: 'handling.medium_taken_out',
};

/** The form's rules that no schema says: means fit the act, media for media, a day to come back. */
function checkShape(input: Input) {
  const means: readonly string[] = input.kind === 'transmit' ? TRANSMIT_MEANS : CARRY_MEANS;
  if (!means.includes(input.means)) throw new AppError('handling.means_invalid');
  if (input.kind === 'transmit' && input.mediumId) throw new AppError('handling.medium_not_for_transmit');
  if (input.kind !== 'transmit' && !input.mediumId) throw new AppError('handling.medium_required');
  if (input.kind === 'take_out' && !input.dueBack) throw new AppError('handling.due_back_required');
  if (input.kind === 'transmit' && input.dueBack) throw new AppError('handling.medium_not_for_transmit');
  if (input.dueBack && input.dueBack < input.plannedAt)
    throw new AppError('handling.due_back_before_planned');
}

/**
 * Transmission (A12(2)) and media sent out or taken out and returned (A12(3)): a request names the
 * file, what of it (a count and a description, never values), the recipient, the means, the medium
 * and the days; it is approved where the file's rules say so (A12 「その内容に応じて」) and carried
 * out by its requester through the vault's gate (grant with `transmit` / `take_out`, a registered
 * purpose: A11-2, A11-3). Where no approval is needed the act is recorded at once, numbered like a
 * request. A medium goes out and comes back in one transaction each, with its audit event.
 */
export function createMovementsService(h: HandlingContext, media: MediaService) {
  const { database, ledger, authz, clock, approvals } = h;
  const db = database.db;
  const gate = () => h.vault.internals.gate;

  const personOf = (ctx: Ctx) => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  async function load(id: string): Promise<MovementWithRequest> {
    const [m] = await movementsRepo.movements(db, { id, all: true, limit: 1 });
    if (!m) throw new AppError('handling.movement_not_found');
    return m;
  }

  const sees = (ctx: Ctx, m: MovementWithRequest) => {
    const me = actorPersonId(ctx);
    return (
      me === m.requested_by ||
      me === m.done_by ||
      authz.can(ctx, 'read', 'HandlingMovement', { unitId: m.unit_id, sectionId: m.section_id })
    );
  };

  const mayReturn = (ctx: Ctx, m: MovementWithRequest) =>
    actorPersonId(ctx) === m.done_by ||
    authz.can(ctx, 'manage', 'HandlingMedium', { unitId: m.unit_id, sectionId: m.section_id });

  async function view(ctx: Ctx, n: Namer, m: MovementWithRequest): Promise<MovementView> {
    const medium = m.medium_id ? await movementsRepo.medium(db, m.medium_id) : undefined;
    const state = stateOf(m);
    return presentMovement(n, m, {
      mediumLabel: medium?.label ?? null,
      today: clock.today(),
      canCarryOut: state === 'approved' && actorPersonId(ctx) === m.requested_by,
      canReturn: state === 'out' && mayReturn(ctx, m),
    });
  }

  async function get(ctx: Ctx, id: string): Promise<MovementView> {
    personOf(ctx);
    const m = await load(id);
    if (!sees(ctx, m)) throw new AppError('handling.movement_not_found');
    return view(ctx, createNamer(h), m);
  }

  /** The caller's movements, their sections' (as manager or overseer), the overdue ones, or all of these. */
  async function list(ctx: Ctx, raw: unknown): Promise<{ movements: MovementView[] }> {
    const me = personOf(ctx);
    const q = movementListQuery.parse(raw ?? {});
    const scope = readScope(ctx, 'HandlingMovement');
    const filter = { kind: q.kind, fileId: q.fileId, mediumId: q.mediumId, limit: q.limit };
    const overdue = q.box === 'overdue' ? { overdueBefore: clock.today() } : {};
    const mine =
      q.box === 'section' ? [] : await movementsRepo.movements(db, { ...filter, ...overdue, involving: me });
    const hasScope = scope.all || scope.sectionIds.length > 0 || scope.unitIds.length > 0;
    const theirs =
      q.box === 'mine' || !hasScope
        ? []
        : await movementsRepo.movements(db, { ...filter, ...overdue, ...scope });
    const byId = new Map([...mine, ...theirs].map((m) => [m.id, m]));
    const rows = [...byId.values()]
      .sort((a, b) => (a.requested_at < b.requested_at ? 1 : a.requested_at > b.requested_at ? -1 : 0))
      .slice(0, q.limit);
    const n = createNamer(h);
    return { movements: await Promise.all(rows.map((m) => view(ctx, n, m))) };
  }

  /**
   * The caller's grant on the file with the act's permission, or the vault's refusal (logged):
   * vault.file_not_found, vault.no_grant, vault.permission_missing.
   */
  async function requireGrant(ctx: Ctx, fileId: string, permission: VaultPermission) {
    const file = await h.vault.internals.loader.find(fileId);
    if (!file) throw await gate().deny(ctx, null, fileId, permission, 'vault.file_not_found');
    const grant = await h.vault.grants.inForce(personOf(ctx), fileId);
    if (!grant) throw await gate().deny(ctx, file, fileId, permission, 'vault.no_grant');
    if (!grant.permissions.has(permission))
      throw await gate().deny(ctx, file, fileId, permission, 'vault.permission_missing');
    return file;
  }

  /** What the request form needs: the file's purposes, whether approval is needed, the media to choose. */
  async function form(ctx: Ctx, raw: unknown): Promise<MovementFormView> {
    const q = movementFormQuery.parse(raw);
    const facts = await h.rules.factsOr404(q.fileId);
    const file = await requireGrant(ctx, q.fileId, PERMISSION[q.kind]);
    const org = await h.names();
    const stored =
      q.kind === 'transmit'
        ? []
        : (await movementsRepo.media(db, { sectionIds: [facts.sectionId], status: 'stored' })).filter((m) =>
            (JSON.parse(m.file_ids) as string[]).includes(q.fileId),
          );
    return {
      fileId: q.fileId,
      fileName: facts.name,
      sectionName: org.sections.get(facts.sectionId) ?? '',
      kind: q.kind,
      requirement: await h.rules.requirement(q.fileId, q.kind),
      purposes: file.purposes.map((p) => ({ code: p.code, label: p.label })),
      media: stored.map((m) => ({ id: m.id, label: m.label, storagePlace: m.storage_place })),
    };
  }

  /** The medium a send-out or take-out names: registered, of the file, not disposed. */
  async function mediumFor(input: Input): Promise<MediumRow | null> {
    if (!input.mediumId) return null;
    const m = await media.load(input.mediumId);
    if (!(JSON.parse(m.file_ids) as string[]).includes(input.fileId))
      throw new AppError('handling.medium_file_mismatch');
    if (m.status === 'disposed') throw new AppError('handling.medium_not_stored');
    return m;
  }

  const payloadOf = (input: Input, medium: MediumRow | null): MovementPayload & Record<string, unknown> => ({
    purpose: input.purpose,
    recordsCount: input.recordsCount,
    recordsDescription: input.recordsDescription,
    recipient: input.recipient,
    means: input.means,
    plannedAt: input.plannedAt,
    dueBack: input.dueBack,
    mediumId: medium?.id ?? null,
  });

  /** Checks an input and the vault's gate; the file's facts and the medium named. */
  async function prepare(ctx: Ctx, raw: unknown) {
    personOf(ctx);
    const input = movementInput.parse(raw);
    checkShape(input);
    const facts = await h.rules.factsOr404(input.fileId);
    // A11-2, A11-3: the grant with the act's permission and a registered purpose (logged when refused).
    const access = await gate().open(ctx, input.fileId, input.purpose, PERMISSION[input.kind]);
    const medium = await mediumFor(input);
    return { input, facts, access, medium };
  }

  /**
   * Asks for approval of a movement (A12): at the level the file's rules need, or of the section's
   * 保護管理者 when none is needed but the person asks anyway. The movement is written with its request.
   */
  async function request(ctx: Ctx, raw: unknown): Promise<MovementView> {
    const { input, facts, medium } = await prepare(ctx, raw);
    const needed = await h.rules.requirement(input.fileId, input.kind);
    const movementId = newId();
    await approvals.submit(
      ctx,
      {
        kind: input.kind,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        fileId: input.fileId,
        reason: input.reason,
        payload: payloadOf(input, medium),
        level: needed === 'none' ? 'protection_manager' : needed,
      },
      async (tx, req) => {
        await movementsRepo.insertMovement(tx, {
          id: movementId,
          request_id: req.id,
          kind: input.kind,
          file_id: input.fileId,
          medium_id: medium?.id ?? null,
          recipient: input.recipient,
          means: input.means,
          planned_at: input.plannedAt,
          due_back: input.dueBack,
          done_at: null,
          done_by: null,
          returned_at: null,
          returned_by: null,
        });
      },
    );
    return get(ctx, movementId);
  }

  /** In the act's transaction: the medium leaves its place (A12(3)), or someone else was first. */
  async function mediumOut(tx: Tx, mediumId: string | null) {
    if (!mediumId) return;
    if (!(await movementsRepo.setMediumStatus(tx, mediumId, 'stored', { status: 'out' })))
      throw new AppError('handling.medium_not_stored');
  }

  /** The act's audit event (A16: the usage ledger reads it): ids, codes, counts, organisational text. */
  const auditAct = (
    tx: Tx,
    ctx: Ctx,
    act: { id: string; kind: string; fileId: string; unitId: string; sectionId: string },
    data: Record<string, unknown>,
  ) =>
    ledger.audit(tx, ctx, {
      type: ACT_EVENT[act.kind as MovementKind],
      subjectType: 'HandlingMovement',
      subjectId: act.id,
      unitId: act.unitId,
      sectionId: act.sectionId,
      data: { kind: act.kind, fileId: act.fileId, ...data },
    });

  /**
   * A12: an act the file's rules let be done without approval is recorded at once as done (a medium
   * leaves its place). Where approval is needed it is refused with approval.required (logged).
   */
  async function record(ctx: Ctx, raw: unknown): Promise<MovementView> {
    const { input, facts, access, medium } = await prepare(ctx, raw);
    if ((await h.rules.requirement(input.fileId, input.kind)) !== 'none')
      throw await gate().deny(ctx, access.file, input.fileId, input.kind, 'approval.required');
    const me = personOf(ctx);
    const movementId = newId();
    await database.transaction(async (tx) => {
      const req = await h.approvals.record(tx, ctx, {
        kind: input.kind,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        fileId: input.fileId,
        reason: input.reason,
        payload: payloadOf(input, medium),
      });
      await movementsRepo.insertMovement(tx, {
        id: movementId,
        request_id: req.id,
        kind: input.kind,
        file_id: input.fileId,
        medium_id: medium?.id ?? null,
        recipient: input.recipient,
        means: input.means,
        planned_at: input.plannedAt,
        due_back: input.dueBack,
        done_at: clock.now().toISOString(),
        done_by: me,
        returned_at: null,
        returned_by: null,
      });
      await mediumOut(tx, medium?.id ?? null);
      const act = {
        id: movementId,
        kind: input.kind,
        fileId: input.fileId,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
      };
      await auditAct(tx, ctx, act, {
        number: req.number,
        approval: 'not_required',
        mediumId: medium?.id ?? null,
        recipient: input.recipient,
        means: input.means,
        purpose: input.purpose,
        recordsCount: input.recordsCount,
        dueBack: input.dueBack,
      });
    });
    return get(ctx, movementId);
  }

  /**
   * Carries out an approved movement (A12): its requester, with the approval unused and unexpired,
   * through the vault's gate; the medium leaves its place; the request is done. One transaction.
   */
  async function carryOut(ctx: Ctx, id: string): Promise<MovementView> {
    const me = personOf(ctx);
    const m = await load(id);
    // Only its requester carries a movement out (A12): to anyone else there is nothing to carry out.
    if (m.requested_by !== me) throw new AppError('handling.movement_not_found');
    if (m.done_at) throw new AppError('handling.movement_done');
    const req = await approvals.requireApproved(ctx, m.request_id, { kind: m.kind, fileId: m.file_id });
    const payload = JSON.parse(m.payload) as MovementPayload;
    await gate().open(ctx, m.file_id, payload.purpose, PERMISSION[m.kind as MovementKind]);
    await database.transaction(async (tx) => {
      const now = clock.now().toISOString();
      if (!(await movementsRepo.markMovement(tx, id, 'done_at', { done_at: now, done_by: me })))
        throw new AppError('handling.movement_done');
      await mediumOut(tx, m.medium_id);
      await approvals.complete(tx, ctx, req, { movementId: id });
      const act = { id, kind: m.kind, fileId: m.file_id, unitId: m.unit_id, sectionId: m.section_id };
      await auditAct(tx, ctx, act, {
        number: m.number,
        approval: 'approved',
        mediumId: m.medium_id,
        recipient: m.recipient,
        means: m.means,
        purpose: payload.purpose ?? null,
        recordsCount: payload.recordsCount ?? null,
        dueBack: m.due_back,
      });
    });
    h.notifications.flushSoon();
    return get(ctx, id);
  }

  /**
   * A12(3), A14: the medium is back, put in its (confirmed or new) storage place; by its holder or
   * by those who keep the section's media. One transaction with its audit event.
   */
  async function returned(ctx: Ctx, id: string, raw: unknown): Promise<MovementView> {
    const me = personOf(ctx);
    const input = returnInput.parse(raw);
    const m = await load(id);
    if (!sees(ctx, m) && !mayReturn(ctx, m)) throw new AppError('handling.movement_not_found');
    // Those who see it but neither hold it nor keep the section's media are refused (logged).
    if (!mayReturn(ctx, m))
      await authz.assertCan(ctx, 'manage', 'HandlingMedium', { unitId: m.unit_id, sectionId: m.section_id });
    if (!m.medium_id || !m.done_at || m.returned_at) throw new AppError('handling.movement_not_out');
    const medium = await media.load(m.medium_id);
    const today = clock.today();
    await database.transaction(async (tx) => {
      if (
        !(await movementsRepo.markMovement(tx, id, 'returned_at', {
          returned_at: clock.now().toISOString(),
          returned_by: me,
        }))
      )
        throw new AppError('handling.movement_not_out');
      if (
        !(await movementsRepo.setMediumStatus(tx, m.medium_id!, 'out', {
          status: 'stored',
          storage_place: input.storagePlace,
        }))
      )
        throw new AppError('handling.movement_not_out');
      await ledger.audit(tx, ctx, {
        type: 'handling.medium_returned',
        subjectType: 'HandlingMovement',
        subjectId: id,
        unitId: m.unit_id,
        sectionId: m.section_id,
        before: { storagePlace: medium.storage_place },
        after: { storagePlace: input.storagePlace },
        data: {
          kind: m.kind,
          fileId: m.file_id,
          mediumId: m.medium_id,
          number: m.number,
          dueBack: m.due_back,
          late: m.due_back !== null && m.due_back < today,
        },
      });
    });
    return get(ctx, id);
  }

  return { list, get, form, request, record, carryOut, returned };
}

export type MovementsService = ReturnType<typeof createMovementsService>;
