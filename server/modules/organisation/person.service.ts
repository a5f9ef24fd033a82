import {
  personInput,
  updatePersonInput,
  type PersonDetailView,
  type PersonInput,
  type PersonView,
} from '../../../shared/api/organisation.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentRepo } from './appointment.repo.ts';
import type { AppointmentService } from './appointment.service.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { presentPerson } from './organisation.presenters.ts';
import { personRepo, type PersonRow } from './person.repo.ts';
import { sectionRepo } from './section.repo.ts';
import { unitRepo } from './unit.repo.ts';

/** Checks that the unit exists and the section (if any) belongs to it. */
export async function checkPlacement(db: Executor, unitId: string, sectionId: string | null): Promise<void> {
  if (!(await unitRepo.get(db, unitId))) throw new AppError('organisation.unit_not_found');
  if (sectionId) {
    const section = await sectionRepo.get(db, sectionId);
    if (!section) throw new AppError('organisation.section_not_found');
    if (section.unit_id !== unitId) throw new AppError('organisation.section_not_in_unit');
  }
}

/** People (教職員等: 役員, 教職員, 派遣労働者) under the rule (A3). */
export function createPersonService(deps: OrganisationDeps & { appointments: AppointmentService }) {
  const { database, ledger, authz, clock } = deps;

  /** Inserts a person inside the caller's transaction, with its audit event. */
  async function insert(
    tx: Executor,
    ctx: Ctx,
    input: ReturnType<typeof personInput.parse>,
  ): Promise<PersonRow> {
    await checkPlacement(tx, input.unitId, input.sectionId ?? null);
    if (await personRepo.byEmployeeNumber(tx, input.employeeNumber))
      throw new AppError('organisation.employee_number_taken');
    const now = clock.now().toISOString();
    const row: PersonRow = {
      id: newId(),
      employee_number: input.employeeNumber,
      family_name: input.familyName,
      given_name: input.givenName,
      family_name_kana: input.familyNameKana,
      given_name_kana: input.givenNameKana,
      email: input.email ?? null,
      kind: input.kind,
      title: input.title,
      unit_id: input.unitId,
      section_id: input.sectionId ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await personRepo.insert(tx, row);
    await ledger.audit(tx, ctx, {
      type: 'organisation.person.created',
      subjectType: 'Person',
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      after: row,
    });
    return row;
  }

  async function create(ctx: Ctx, raw: PersonInput): Promise<PersonView> {
    const input = personInput.parse(raw);
    await authz.assertCan(ctx, 'create', 'Person', { unitId: input.unitId });
    return presentPerson(await database.transaction((tx) => insert(tx, ctx, input)));
  }

  async function update(ctx: Ctx, id: string, raw: unknown): Promise<PersonView> {
    const input = updatePersonInput.parse(raw);
    const existing = await personRepo.get(database.db, id);
    if (!existing) throw new AppError('organisation.person_not_found');
    await authz.assertCan(ctx, 'update', 'Person', { id, unitId: existing.unit_id });
    // Moving a person to another unit needs the right over the destination too.
    if (input.unitId && input.unitId !== existing.unit_id)
      await authz.assertCan(ctx, 'update', 'Person', { id, unitId: input.unitId });
    return database.transaction(async (tx) => {
      const before = (await personRepo.get(tx, id))!;
      const unitId = input.unitId ?? before.unit_id;
      const sectionId =
        input.sectionId !== undefined ? input.sectionId : input.unitId ? null : before.section_id;
      await checkPlacement(tx, unitId, sectionId);
      const patch = {
        ...(input.familyName !== undefined ? { family_name: input.familyName } : {}),
        ...(input.givenName !== undefined ? { given_name: input.givenName } : {}),
        ...(input.familyNameKana !== undefined ? { family_name_kana: input.familyNameKana } : {}),
        ...(input.givenNameKana !== undefined ? { given_name_kana: input.givenNameKana } : {}),
        ...(input.email !== undefined ? { email: input.email ?? null } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        unit_id: unitId,
        section_id: sectionId,
        updated_at: clock.now().toISOString(),
      };
      await personRepo.update(tx, id, patch);
      const after = (await personRepo.get(tx, id))!;
      await ledger.audit(tx, ctx, {
        type: 'organisation.person.updated',
        subjectType: 'Person',
        subjectId: id,
        unitId: after.unit_id,
        sectionId: after.section_id,
        before,
        after,
      });
      return presentPerson(after);
    });
  }

  async function detail(ctx: Ctx, id: string): Promise<PersonDetailView> {
    await authz.assertCan(ctx, 'read', 'Organisation');
    const person = await personRepo.get(database.db, id);
    if (!person) throw new AppError('organisation.person_not_found');
    const [unit, section, appointments] = await Promise.all([
      unitRepo.get(database.db, person.unit_id),
      person.section_id ? sectionRepo.get(database.db, person.section_id) : Promise.resolve(undefined),
      appointmentRepo.list(database.db, { personId: id }),
    ]);
    // A22-1: a staff member's profile is held personal information; the read is logged before it is served.
    await deps.ledger.access(ctx, {
      type: 'organisation.person_viewed',
      unitId: person.unit_id,
      sectionId: person.section_id,
      purpose: 'staff_administration',
      subjectType: 'person',
      subjectId: person.id,
      records: [person.id],
      outcome: 'ok',
    });
    return {
      person: presentPerson(person),
      unitName: unit?.name ?? '',
      sectionName: section?.name ?? null,
      appointments: await deps.appointments.present(appointments),
    };
  }

  async function search(
    ctx: Ctx,
    s: {
      q?: string | undefined;
      unitId?: string | undefined;
      sectionId?: string | undefined;
      limit?: number | undefined;
      offset?: number | undefined;
    },
  ) {
    await authz.assertCan(ctx, 'read', 'Organisation');
    const found = await personRepo.search(database.db, {
      ...s,
      limit: Math.min(s.limit ?? 50, 200),
      offset: s.offset ?? 0,
    });
    return { items: found.items.map(presentPerson), total: found.total };
  }

  /** For sign-in: the person with an employee number, or undefined. Not an API of its own. */
  const byEmployeeNumber = (employeeNumber: string) =>
    personRepo.byEmployeeNumber(database.db, employeeNumber);
  const get = (id: string) => personRepo.get(database.db, id);

  return { create, update, detail, search, insert, byEmployeeNumber, get };
}

export type PersonService = ReturnType<typeof createPersonService>;
