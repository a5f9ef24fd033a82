import {
  appointInput,
  endAppointmentInput,
  type AppointInput,
  type AppointmentView,
} from '../../../shared/api/organisation.ts';
import { ROLE_RULES, type Role } from '../../../shared/roles.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentRepo, type AppointmentFilter, type AppointmentRow } from './appointment.repo.ts';
import { overlaps, statusOn } from './appointment-term.ts';
import { namesFor } from './names.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { presentAppointment } from './organisation.presenters.ts';
import { personRepo } from './person.repo.ts';
import { sectionRepo } from './section.repo.ts';
import { unitRepo } from './unit.repo.ts';

interface Seat {
  unitId: string | null;
  sectionId: string | null;
  handlesPersonalInfo: boolean;
  handlesMyNumber: boolean;
}

/** Appointing people to the roles of rule 65 and ending appointments; history is never overwritten. */
export function createAppointmentService(deps: OrganisationDeps) {
  const { database, ledger, authz, clock } = deps;

  /** Resolves and checks the scope the role is appointed over (organisation, unit or section). */
  async function seatFor(
    db: Executor,
    role: Role,
    unitId: string | null,
    sectionId: string | null,
  ): Promise<Seat> {
    const scope = ROLE_RULES[role].scope;
    if (scope === 'organisation') {
      if (unitId || sectionId) throw new AppError('appointment.scope_mismatch');
      return { unitId: null, sectionId: null, handlesPersonalInfo: false, handlesMyNumber: false };
    }
    if (scope === 'unit') {
      if (!unitId || sectionId) throw new AppError('appointment.scope_mismatch');
      if (!(await unitRepo.get(db, unitId))) throw new AppError('organisation.unit_not_found');
      return { unitId, sectionId: null, handlesPersonalInfo: false, handlesMyNumber: false };
    }
    if (!sectionId) throw new AppError('appointment.scope_mismatch');
    const section = await sectionRepo.get(db, sectionId);
    if (!section) throw new AppError('organisation.section_not_found');
    if (unitId && unitId !== section.unit_id) throw new AppError('appointment.scope_mismatch');
    return {
      unitId: section.unit_id,
      sectionId,
      handlesPersonalInfo: section.handles_personal_info === 1,
      handlesMyNumber: section.handles_my_number === 1,
    };
  }

  async function present(db: Executor, rows: AppointmentRow[]): Promise<AppointmentView[]> {
    const names = await namesFor(db, rows);
    const today = clock.today();
    return rows.map((r) => presentAppointment(r, names, today));
  }

  /**
   * Appoints a person to a role for a scope. Throws AppError when the appointer may not appoint the
   * role there (A4–A8), the seat is taken (A4, A5, A6, A8: one holder), or the person does not fit.
   */
  async function appoint(ctx: Ctx, raw: AppointInput): Promise<AppointmentView> {
    const input = appointInput.parse(raw);
    const rule = ROLE_RULES[input.role];
    const seat = await seatFor(database.db, input.role, input.unitId ?? null, input.sectionId ?? null);
    await authz.assertCan(ctx, 'appoint', 'Appointment', {
      role: input.role,
      unitId: seat.unitId,
      sectionId: seat.sectionId,
    });

    const startsOn = input.startsOn ?? clock.today();
    const endsOn = input.endsOn ?? null;
    if (endsOn && endsOn < startsOn) throw new AppError('appointment.invalid_period');
    // A7の2: each 特定個人情報取扱担当者 has a designated role and range of information.
    if (input.role === 'mynumber_handler' && (!input.duties || !input.handlingRange)) {
      throw new AppError('appointment.handler_details_required');
    }
    // A6, A7: these roles exist only in sections that handle held personal information; A7の2 in those with My Numbers.
    if (rule.needsHandlingSection && !seat.handlesPersonalInfo)
      throw new AppError('appointment.section_not_handling');
    if (input.role === 'mynumber_handler' && !seat.handlesMyNumber)
      throw new AppError('appointment.section_not_handling');
    // A10 (issue 10): the training a role requires, completed (for now the My Number handler's, A7の2);
    // read before the transaction, which the training module does not join.
    await trainingGate(input.personId, input.role);

    return database.transaction(async (tx) => {
      const person = await personRepo.get(tx, input.personId);
      if (!person) throw new AppError('organisation.person_not_found');
      if (person.active !== 1) throw new AppError('appointment.person_inactive');
      // A4: the 総括管理者 is a 理事; A8: the 監査責任者 is a 監事 — both officers (役員).
      if (rule.officerOnly && person.kind !== 'officer') throw new AppError('appointment.person_not_officer');
      if (seat.unitId && person.unit_id !== seat.unitId)
        throw new AppError('appointment.person_outside_scope');

      const candidate = { starts_on: startsOn, ends_on: endsOn, terminated_on: null };
      const sameSeat = (await appointmentRepo.forSeat(tx, input.role, seat.unitId, seat.sectionId)).filter(
        (a) => overlaps(a, candidate),
      );
      if (sameSeat.some((a) => a.person_id === person.id)) throw new AppError('appointment.duplicate');
      if (rule.singleSeat && sameSeat.length > 0)
        throw new AppError('appointment.role_already_filled', { params: { role: input.role } });

      const row: AppointmentRow = {
        id: newId(),
        role: input.role,
        scope_kind: rule.scope,
        unit_id: seat.unitId,
        section_id: seat.sectionId,
        person_id: person.id,
        appointed_by: actorPersonId(ctx),
        basis: input.basis,
        duties: input.duties,
        handling_range: input.handlingRange,
        starts_on: startsOn,
        ends_on: endsOn,
        terminated_on: null,
        terminated_by: null,
        termination_reason: null,
        created_at: clock.now().toISOString(),
      };
      await appointmentRepo.insert(tx, row);
      await ledger.audit(tx, ctx, {
        type: 'organisation.appointment.created',
        subjectType: 'Appointment',
        subjectId: row.id,
        unitId: row.unit_id,
        sectionId: row.section_id,
        after: row,
      });
      return (await present(tx, [row]))[0]!;
    });
  }

  /** Ends an appointment from a day on (the seat is free from that day); the record itself stays. */
  async function end(
    ctx: Ctx,
    id: string,
    raw: { endedOn?: string | undefined; reason: string },
  ): Promise<AppointmentView> {
    const input = endAppointmentInput.parse(raw);
    const existing = await appointmentRepo.get(database.db, id);
    if (!existing) throw new AppError('appointment.not_found');
    await authz.assertCan(ctx, 'end', 'Appointment', {
      id,
      role: existing.role,
      unitId: existing.unit_id,
      sectionId: existing.section_id,
    });
    const endedOn = input.endedOn ?? clock.today();

    return database.transaction(async (tx) => {
      const before = await appointmentRepo.get(tx, id);
      if (!before) throw new AppError('appointment.not_found');
      const status = statusOn(before, clock.today());
      if (status === 'terminated' || status === 'expired' || before.terminated_on)
        throw new AppError('appointment.already_ended');
      // Ending on the first day cancels an appointment that has not begun; ending before it is meaningless.
      if (endedOn < before.starts_on) throw new AppError('appointment.invalid_period');
      // Someone must always be able to keep the application itself (and appoint the 理事長).
      if (before.role === 'system_administrator') {
        const others = (await appointmentRepo.forSeat(tx, 'system_administrator', null, null)).filter(
          (a) => a.id !== id && statusOn(a, endedOn) === 'current',
        );
        if (others.length === 0) throw new AppError('appointment.last_administrator');
      }
      const result = await appointmentRepo.terminate(tx, id, {
        terminatedOn: endedOn,
        terminatedBy: actorPersonId(ctx),
        reason: input.reason,
      });
      if (Number(result.numUpdatedRows) !== 1) throw new AppError('appointment.already_ended');
      const after = (await appointmentRepo.get(tx, id))!;
      await ledger.audit(tx, ctx, {
        type: 'organisation.appointment.ended',
        subjectType: 'Appointment',
        subjectId: id,
        unitId: after.unit_id,
        sectionId: after.section_id,
        before,
        after,
      });
      return (await present(tx, [after]))[0]!;
    });
  }

  /** Appointments matching a filter, newest first; status narrows to current, future, expired or terminated. */
  async function list(
    ctx: Ctx,
    filter: AppointmentFilter & { status?: string | undefined },
  ): Promise<AppointmentView[]> {
    await authz.assertCan(ctx, 'read', 'Organisation');
    const views = await present(database.db, await appointmentRepo.list(database.db, filter));
    return filter.status ? views.filter((v) => v.status === filter.status) : views;
  }

  /** The current roles of a person, as the basis of their permissions (A3). */
  async function currentRolesOf(personId: string) {
    const today = clock.today();
    const rows = await appointmentRepo.list(database.db, { personId });
    return rows
      .filter((r) => statusOn(r, today) === 'current')
      .map((r) => ({ role: r.role as Role, unitId: r.unit_id, sectionId: r.section_id }));
  }

  /**
   * Issue 10 (A10, A7の2): a precondition checked before an appointment (the training module's: the
   * required course completed). Bound once in server/app.ts.
   */
  let trainingGate: (personId: string, role: Role) => Promise<void> = async () => {};
  const useTrainingGate = (gate: (personId: string, role: Role) => Promise<void>) => {
    trainingGate = gate;
  };

  return {
    useTrainingGate,
    appoint,
    end,
    list,
    currentRolesOf,
    present: (rows: AppointmentRow[]) => present(database.db, rows),
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
