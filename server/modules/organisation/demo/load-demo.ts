import { ROLES } from '../../../../shared/roles.ts';
import type { Services } from '../../../app.ts';
import { systemCtx, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { buildDemoDataset } from './demo-dataset.ts';
import { enrolDemoTotp } from '../../identity/mfa/demo-totp.ts';
import { demoRepo } from './demo.repo.ts';
import { loadDemoAreas } from '../../terminals/demo-areas.ts';
import { loadDemoVault } from '../../vault/demo/demo-vault.ts';
import { loadDemoRegister } from '../../register/demo-register.ts';
import { loadDemoHandling } from '../../handling/demo-handling.ts';
import { loadDemoIncidents } from '../../incidents/demo-incidents.ts';
import { loadDemoProvision } from '../../provision/demo-provision.ts';
import { loadDemoTraining } from '../../training/demo-training.ts';
import { loadDemoOversight } from '../../oversight/demo-oversight.ts';
import { loadDemoAudits } from '../../audits/demo-audits.ts';
import { loadDemoCompliance } from '../../compliance/demo-compliance.ts';
import { loadDemoDevices } from '../../facilities/devices/demo-devices.ts';
import { loadDemoSystems } from '../../facilities/systems/demo-systems.ts';
import { loadDemoRooms } from '../../facilities/rooms/demo-rooms.ts';
import { loadDemoBackups } from '../../facilities/backups/demo-backups.ts';
import { loadDemoRequests } from '../../requests/core/demo-requests.ts';
import { loadDemoRequestFlow } from '../../requests/demo-flow.ts';

/** The one password of every demo sign-in. Demo people are fictional; never use this outside a demo. */
export const DEMO_PASSWORD = 'mamori-demo-2026';

/**
 * Loads the demo organisation through the same services as the HTTP API, so every rule of the
 * articles is checked on the way in: each appointment is made by its appointer's own context.
 */
export async function loadDemo(
  services: Services,
): Promise<{ units: number; people: number; appointments: number }> {
  const { organisation, identity, database, clock } = services;
  // Only into an empty organisation: the demo never mixes with real data.
  if ((await demoRepo.isLoaded(database.db)) || (await demoRepo.hasOrganisation(database.db)))
    throw new AppError('demo.organisation_not_empty');
  const data = buildDemoDataset({ today: clock.today() });
  const system = systemCtx('system:demo');

  const unitIds = new Map<string, string>();
  const sectionIds = new Map<string, string>();
  for (const [index, u] of data.units.entries()) {
    const unit = await organisation.units.create(system, {
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      kind: u.kind,
      address: u.address,
      sortOrder: index,
    });
    unitIds.set(u.code, unit.id);
    const ordered = [...u.sections.filter((s) => !s.parent), ...u.sections.filter((s) => s.parent)];
    for (const s of ordered) {
      const section = await organisation.sections.create(system, {
        unitId: unit.id,
        parentId: s.parent ? sectionIds.get(`${u.code}/${s.parent}`) : null,
        name: s.name,
        handlesPersonalInfo: s.handlesPersonalInfo,
        handlesMyNumber: s.handlesMyNumber,
      });
      sectionIds.set(`${u.code}/${s.name}`, section.id);
    }
  }

  const personIds = new Map<string, string>();
  for (const p of data.people) {
    const unitId = unitIds.get(p.unitCode)!;
    const person = await organisation.people.create(system, {
      ...p,
      unitId,
      sectionId: p.sectionName ? sectionIds.get(`${p.unitCode}/${p.sectionName}`) : null,
    });
    personIds.set(p.employeeNumber, person.id);
  }

  // Appointers first: the 理事長 appoints the 総括管理者, a 校長 the 保護管理者, who designates the 保護担当者.
  const order = (role: string) => ROLES.indexOf(role as (typeof ROLES)[number]);
  const appointments = [...data.appointments].sort((a, b) => order(a.role) - order(b.role));
  const ctxOf = new Map<string, Ctx>();
  const appointerCtx = async (employeeNumber: string | null): Promise<Ctx> => {
    if (!employeeNumber) return system;
    const personId = personIds.get(employeeNumber)!;
    const cached = ctxOf.get(personId);
    if (cached) return cached;
    const ctx = (await identity.ctxFor(personId, { ip: null, userAgent: null, requestId: null }, null))!;
    ctxOf.set(personId, ctx);
    return ctx;
  };
  for (const a of appointments) {
    const unitId = a.unitCode ? unitIds.get(a.unitCode)! : null;
    const sectionId = a.unitCode && a.sectionName ? sectionIds.get(`${a.unitCode}/${a.sectionName}`)! : null;
    // An appointment made by someone whose own term has since run out is recorded by the system.
    const appointer = await appointerCtx(a.appointedByEmployeeNumber);
    const ctx = services.authz.can(appointer, 'appoint', 'Appointment', { role: a.role, unitId, sectionId })
      ? appointer
      : system;
    await organisation.appointments.appoint(ctx, {
      role: a.role,
      unitId: sectionId ? null : unitId,
      sectionId,
      personId: personIds.get(a.employeeNumber)!,
      basis: a.basis,
      duties: a.duties ?? null,
      handlingRange: a.handlingRange ?? null,
      startsOn: a.startsOn,
      endsOn: a.endsOn ?? null,
    });
    // A new role of the appointer's own (a 校長 just made 総括保護管理者) must show in their next context.
    ctxOf.delete(personIds.get(a.employeeNumber)!);
  }

  for (const s of data.signIns)
    await identity.setPassword(personIds.get(s.employeeNumber)!, s.employeeNumber, DEMO_PASSWORD);
  // A21: the demo sign-ins give a second factor too, with the published demo seed (README).
  await enrolDemoTotp(
    services,
    data.signIns.map((s) => personIds.get(s.employeeNumber)!),
  );
  await loadDemoAreas(services);
  // A20: the register, with files of 東京 in every state and the 学籍ファイル of two more colleges.
  const unitNamed = (code: string) => ({ code, fullName: data.units.find((u) => u.code === code)!.name });
  await loadDemoRegister(services.register.files, system, {
    featured: unitNamed('tokyo'),
    others: [unitNamed('hakodate'), unitNamed('nagaoka')],
    hq: unitNamed('hq'),
    unitId: (code) => unitIds.get(code)!,
    sectionId: (code, name) => sectionIds.get(`${code}/${name}`)!,
  });
  // Issue 6: the vault, with records in 東京's 学籍 and 健康診断 files and the headquarters' 給与 file.
  const registered = (await services.register.files.list(system, {})).files;
  const fileOf = (unit: string, name: string) =>
    registered.find((f) => f.name === name && f.unitId === unitIds.get(unit) && f.mayHoldRecords)?.id;
  const { students } = await loadDemoVault(services.vault, system, {
    file: fileOf,
    ctxOf: async (employeeNumber) => await appointerCtx(employeeNumber),
    personId: (employeeNumber) => personIds.get(employeeNumber)!,
    today: clock.today(),
  });
  // Issue 7: a medium in the register and a copy waiting for the 保護管理者's approval.
  await loadDemoHandling(services.handling, {
    file: fileOf,
    ctxOf: async (employeeNumber) => await appointerCtx(employeeNumber),
  });
  // Issue 8: an open incident, escalated to the 総括保護管理者, whose 速報 is due (法68①).
  await loadDemoIncidents(services.incidents, {
    file: fileOf,
    ctxOf: async (employeeNumber) => await appointerCtx(employeeNumber),
    clock,
  });
  // Issue 9: a checked contractor, an active contract with the six clauses, a draft lacking one.
  await loadDemoProvision(services.provision, {
    file: fileOf,
    ctxOf: async (employeeNumber) => await appointerCtx(employeeNumber),
    clock,
    sectionId: sectionIds.get('tokyo/教務係')!,
  });
  // Issue 10: training with a few people overdue, inspections, the committee, guidance, a local
  // rule and the yearly evaluation; an audit in progress and one reported; then the overview's
  // first snapshot, taken after every other module's demo so that it shows their gaps.
  const where = {
    ctxOf: async (employeeNumber: string) => await appointerCtx(employeeNumber),
    personId: (employeeNumber: string) => personIds.get(employeeNumber)!,
    unitId: (code: string) => unitIds.get(code)!,
    sectionId: (path: string) => sectionIds.get(path)!,
    clock,
  };
  await loadDemoTraining(services.training, where);
  await loadDemoOversight(services.oversight, where);
  await loadDemoAudits(services.audits, where);
  // Issue 11: devices (one taken out under an approval), 教務システム with a check overdue, the
  // server room with a visitor inside and a storage facility never inspected.
  await loadDemoDevices(services.facilities.devices, where);
  await loadDemoSystems(services.facilities.systems, where);
  await loadDemoRooms(services.facilities.rooms, where);
  // Issue 12: individuals' requests at 東京 教務係 — one due in three days, one in 補正, one extended.
  await loadDemoRequests(services.requests.core, where);
  // …and one whole: found in three files, partly disclosed, then its use for the guarantor stopped.
  if (students[2])
    await loadDemoRequestFlow(services.requests, students[2], {
      ...where,
      today: clock.today(),
      approvals: services.approvals.approvals,
      readAsStaff: async (fileId, recordId) =>
        void (await services.vault.records.view(await appointerCtx('E150008'), fileId, recordId, {
          purpose: 'certificates',
        })),
    });
  // A27: the システム管理者's first backup, and a restore test of it, after everything else so that it
  // holds the whole demo (the overview's snapshot comes after, so it shows no backup gap).
  await loadDemoBackups(services.facilities.backups, where);
  await loadDemoCompliance(services.compliance, where);
  await demoRepo.markLoaded(database.db, clock.now().toISOString());
  return { units: data.units.length, people: data.people.length, appointments: data.appointments.length };
}

/** Removes the demo organisation (only when it was loaded by loadDemo). */
export async function removeDemo(services: Services): Promise<void> {
  const { database, ledger } = services;
  if (!(await demoRepo.isLoaded(database.db))) throw new AppError('request.not_found');
  await database.transaction(async (tx) => {
    await demoRepo.wipe(tx);
    await ledger.audit(tx, systemCtx('system:demo'), {
      type: 'demo.removed',
      subjectType: 'Demo',
      subjectId: null,
    });
  });
}

/** The README-style lines: employee number and role of each demo sign-in. */
export async function demoSignInLines(services: Services): Promise<string[]> {
  if (!(await demoRepo.isLoaded(services.database.db))) return [];
  return buildDemoDataset({ today: services.clock.today() }).signIns.map(
    (s) => `${s.employeeNumber}  ${s.label}`,
  );
}
