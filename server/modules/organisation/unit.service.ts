import type { OrgStructure, UnitDetailView, UnitView } from '../../../shared/api/organisation.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { UnitKind } from '../../../shared/roles.ts';
import type { AppointmentService } from './appointment.service.ts';
import { appointmentRepo } from './appointment.repo.ts';
import type { GapService } from './gap.service.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { presentSection, presentUnit } from './organisation.presenters.ts';
import { sectionRepo } from './section.repo.ts';
import { unitRepo, type UnitRow } from './unit.repo.ts';

/** Reading the units (本部事務局 and the colleges: 各学校等, A5). */
export function createUnitService(
  deps: OrganisationDeps & { gaps: GapService; appointments: AppointmentService },
) {
  const { database, authz } = deps;

  async function views(units: UnitRow[]): Promise<UnitView[]> {
    const [counts, gaps] = await Promise.all([unitRepo.counts(database.db), deps.gaps.allGaps()]);
    const gapCounts = new Map<string, number>();
    for (const g of gaps) if (g.unitId) gapCounts.set(g.unitId, (gapCounts.get(g.unitId) ?? 0) + 1);
    return units.map((u) =>
      presentUnit(u, {
        sections: counts.sections.get(u.id) ?? 0,
        staff: counts.people.get(u.id) ?? 0,
        gaps: gapCounts.get(u.id) ?? 0,
      }),
    );
  }

  /** All units, headquarters first, with their section, staff and gap counts. */
  async function list(ctx: Ctx): Promise<UnitView[]> {
    await authz.assertCan(ctx, 'read', 'Organisation');
    return views(await unitRepo.list(database.db));
  }

  /** One unit with its sections and every appointment over the unit or its sections (history included). */
  async function detail(ctx: Ctx, id: string): Promise<UnitDetailView> {
    await authz.assertCan(ctx, 'read', 'Organisation');
    const unit = await unitRepo.get(database.db, id);
    if (!unit) throw new AppError('organisation.unit_not_found');
    const [sections, staff, appointments] = await Promise.all([
      sectionRepo.listByUnit(database.db, id),
      sectionRepo.staffCounts(database.db, id),
      appointmentRepo.list(database.db, { unitId: id }),
    ]);
    return {
      unit: (await views([unit]))[0]!,
      sections: sections.map((s) => presentSection(s, staff.get(s.id) ?? 0)),
      appointments: await deps.appointments.present(appointments),
    };
  }

  /** Creates a unit (本部事務局 or a college); the rule's units are fixed, so this serves setup and the demo. */
  async function create(
    ctx: Ctx,
    input: {
      code: string;
      name: string;
      shortName: string;
      kind: UnitKind;
      address?: string | null;
      sortOrder?: number;
    },
  ) {
    await authz.assertCan(ctx, 'create', 'Unit');
    return database.transaction(async (tx) => {
      if (await unitRepo.byCode(tx, input.code)) throw new AppError('organisation.unit_code_taken');
      const row: UnitRow = {
        id: newId(),
        code: input.code,
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        address: input.address ?? null,
        sort_order: input.sortOrder ?? 0,
        created_at: deps.clock.now().toISOString(),
      };
      await unitRepo.insert(tx, row);
      await deps.ledger.audit(tx, ctx, {
        type: 'organisation.unit.created',
        subjectType: 'Unit',
        subjectId: row.id,
        after: row,
      });
      return row;
    });
  }

  /** The unit with a code, or the headquarters — created as 本部事務局 when the organisation is empty. */
  async function ensureHeadquarters(ctx: Ctx, code?: string): Promise<UnitRow> {
    if (code) {
      const unit = await unitRepo.byCode(database.db, code);
      if (!unit) throw new AppError('organisation.unit_not_found');
      return unit;
    }
    const hq = (await unitRepo.list(database.db)).find((u) => u.kind === 'headquarters');
    return hq ?? create(ctx, { code: 'hq', name: '本部事務局', shortName: '本部', kind: 'headquarters' });
  }

  /** Names of every unit and section by id (not personal data: for other modules' screens, e.g. the log). */
  async function names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }> {
    const [units, sections] = await Promise.all([unitRepo.list(database.db), sectionRepo.list(database.db)]);
    return {
      units: new Map(units.map((u) => [u.id, u.short_name || u.name])),
      sections: new Map(sections.map((s) => [s.id, s.name])),
    };
  }

  /** Codes and names of every unit and section, in official order (e.g. for the register's import, A20). */
  async function structure(): Promise<OrgStructure> {
    const [units, sections] = await Promise.all([unitRepo.list(database.db), sectionRepo.list(database.db)]);
    return {
      units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.short_name })),
      sections: sections.map((s) => ({
        id: s.id,
        unitId: s.unit_id,
        parentId: s.parent_id,
        name: s.name,
        handlesPersonalInfo: s.handles_personal_info === 1,
      })),
    };
  }

  return { list, detail, views, create, ensureHeadquarters, names, structure };
}

export type UnitService = ReturnType<typeof createUnitService>;
