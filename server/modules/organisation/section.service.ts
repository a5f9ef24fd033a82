import {
  createSectionInput,
  updateSectionInput,
  type CreateSectionInput,
  type SectionDetailView,
  type SectionFacts,
  type SectionView,
} from '../../../shared/api/organisation.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentRepo } from './appointment.repo.ts';
import { statusOn } from './appointment-term.ts';
import type { AppointmentService } from './appointment.service.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { presentPerson, presentSection } from './organisation.presenters.ts';
import { personRepo } from './person.repo.ts';
import { sectionRepo, type SectionRow } from './section.repo.ts';
import { unitRepo } from './unit.repo.ts';
import type { UnitService } from './unit.service.ts';

/** Sections (課等) and whether they handle held personal information, which decides the seats of A6–A7の2. */
export function createSectionService(
  deps: OrganisationDeps & { units: UnitService; appointments: AppointmentService },
) {
  const { database, ledger, authz, clock } = deps;

  async function create(ctx: Ctx, raw: CreateSectionInput): Promise<SectionView> {
    const input = createSectionInput.parse(raw);
    await authz.assertCan(ctx, 'create', 'Section', { unitId: input.unitId });
    // 特定個人情報 is held personal information: a My Number section is always a handling section (A7の2, A11の2).
    if (input.handlesMyNumber && !input.handlesPersonalInfo)
      throw new AppError('organisation.my_number_without_personal_info');
    return database.transaction(async (tx) => {
      if (!(await unitRepo.get(tx, input.unitId))) throw new AppError('organisation.unit_not_found');
      if (input.parentId) {
        const parent = await sectionRepo.get(tx, input.parentId);
        if (!parent || parent.unit_id !== input.unitId)
          throw new AppError('organisation.section_parent_invalid');
      }
      if (await sectionRepo.byName(tx, input.unitId, input.name))
        throw new AppError('organisation.section_name_taken');
      const row: SectionRow = {
        id: newId(),
        unit_id: input.unitId,
        parent_id: input.parentId ?? null,
        name: input.name,
        handles_personal_info: input.handlesPersonalInfo ? 1 : 0,
        handles_my_number: input.handlesMyNumber ? 1 : 0,
        sort_order: (await sectionRepo.listByUnit(tx, input.unitId)).length, // listed in the order they were set up
        created_at: clock.now().toISOString(),
      };
      await sectionRepo.insert(tx, row);
      await ledger.audit(tx, ctx, {
        type: 'organisation.section.created',
        subjectType: 'Section',
        subjectId: row.id,
        unitId: row.unit_id,
        sectionId: row.id,
        after: row,
      });
      return presentSection(row, 0);
    });
  }

  async function update(ctx: Ctx, id: string, raw: unknown): Promise<SectionView> {
    const input = updateSectionInput.parse(raw);
    const existing = await sectionRepo.get(database.db, id);
    if (!existing) throw new AppError('organisation.section_not_found');
    await authz.assertCan(ctx, 'update', 'Section', { id, unitId: existing.unit_id });
    return database.transaction(async (tx) => {
      const before = (await sectionRepo.get(tx, id))!;
      if (
        input.name &&
        input.name !== before.name &&
        (await sectionRepo.byName(tx, before.unit_id, input.name))
      ) {
        throw new AppError('organisation.section_name_taken');
      }
      // A6, A7, A7の2: a section that stops handling held personal information (or My Numbers) must first
      // release the people appointed over it: those serving now and those appointed from a later day.
      const stopsPersonalInfo = input.handlesPersonalInfo === false && before.handles_personal_info === 1;
      const stopsMyNumber = input.handlesMyNumber === false && before.handles_my_number === 1;
      if (stopsPersonalInfo || stopsMyNumber) {
        const open = (await appointmentRepo.list(tx, { sectionId: id })).filter((a) =>
          ['current', 'future'].includes(statusOn(a, clock.today())),
        );
        if (open.some((a) => stopsPersonalInfo || a.role === 'mynumber_handler'))
          throw new AppError('organisation.section_has_managers');
      }
      const personalInfo = input.handlesPersonalInfo ?? before.handles_personal_info === 1;
      const myNumber = input.handlesMyNumber ?? before.handles_my_number === 1;
      if (myNumber && !personalInfo) throw new AppError('organisation.my_number_without_personal_info');
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.handlesPersonalInfo !== undefined
          ? { handles_personal_info: input.handlesPersonalInfo ? 1 : 0 }
          : {}),
        ...(input.handlesMyNumber !== undefined ? { handles_my_number: input.handlesMyNumber ? 1 : 0 } : {}),
      };
      if (Object.keys(patch).length > 0) await sectionRepo.update(tx, id, patch);
      const after = (await sectionRepo.get(tx, id))!;
      await ledger.audit(tx, ctx, {
        type: 'organisation.section.updated',
        subjectType: 'Section',
        subjectId: id,
        unitId: after.unit_id,
        sectionId: id,
        before,
        after,
      });
      const staff = await sectionRepo.staffCounts(tx, after.unit_id);
      return presentSection(after, staff.get(id) ?? 0);
    });
  }

  /** A section with its staff and every appointment over it, current and past. */
  async function detail(ctx: Ctx, id: string): Promise<SectionDetailView> {
    await authz.assertCan(ctx, 'read', 'Organisation');
    const section = await sectionRepo.get(database.db, id);
    if (!section) throw new AppError('organisation.section_not_found');
    const [unit, staff, appointments] = await Promise.all([
      unitRepo.get(database.db, section.unit_id),
      personRepo.listBySection(database.db, id),
      appointmentRepo.list(database.db, { sectionId: id }),
    ]);
    return {
      section: presentSection(section, staff.length),
      unit: (await deps.units.views([unit!]))[0]!,
      staff: staff.map(presentPerson),
      appointments: await deps.appointments.present(appointments),
    };
  }

  /**
   * What other modules need to know of a section (the register: A20-1 files are held by handling
   * sections, A20-5 My Number files by My Number sections). Not personal data; no authorisation.
   */
  async function facts(id: string): Promise<SectionFacts | null> {
    const row = await sectionRepo.get(database.db, id);
    return row
      ? {
          id: row.id,
          unitId: row.unit_id,
          name: row.name,
          handlesPersonalInfo: row.handles_personal_info === 1,
          handlesMyNumber: row.handles_my_number === 1,
        }
      : null;
  }

  return { create, update, detail, facts };
}

export type SectionService = ReturnType<typeof createSectionService>;
