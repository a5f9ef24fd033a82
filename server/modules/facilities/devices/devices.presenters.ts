import type {
  BringInState,
  BringInView,
  DeviceEventKind,
  DeviceEventView,
  DeviceView,
  DisposalMethod,
  TakeOutState,
  TakeOutView,
} from '../../../../shared/api/facility-devices.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import type { BringInWithRequest, DeviceEventRow, DeviceRow, TakeOutWithRequest } from './devices.repo.ts';

type Person = { id: string; name: string };

/**
 * Names for one answer: units, sections, people (by id, looked up once) and the register's files.
 * Built before any transaction (the lookups read the database).
 */
export async function createDirectory(deps: FacilitiesDeps) {
  const names = await deps.names();
  const people = new Map<string, Promise<string>>();
  const files = new Map<string, Promise<string>>();
  const personName = (id: string) => {
    if (!people.has(id))
      people.set(
        id,
        deps.person(id).then((p) => p?.name ?? ''),
      );
    return people.get(id)!;
  };
  const person = async (id: string | null): Promise<Person | null> =>
    id ? { id, name: await personName(id) } : null;
  const fileName = (id: string) => {
    if (!files.has(id))
      files.set(
        id,
        deps.fileFacts(id).then((f) => f?.name ?? ''),
      );
    return files.get(id)!;
  };
  return {
    unit: (id: string) => names.units.get(id) ?? '',
    section: (id: string) => names.sections.get(id) ?? '',
    person,
    someone: async (id: string): Promise<Person> => (await person(id))!,
    fileName,
  };
}
export type Directory = Awaited<ReturnType<typeof createDirectory>>;

export const fileIdsOf = (d: Pick<DeviceRow, 'file_ids'>) => JSON.parse(d.file_ids) as string[];

/** The register's view of a device; overdue when taken out or checked out past its day (A30-2). */
export async function presentDevice(d: DeviceRow, dir: Directory, today: string): Promise<DeviceView> {
  const out = d.status === 'taken_out' || d.status === 'checked_out';
  return {
    id: d.id,
    number: d.number,
    kind: d.kind as DeviceView['kind'],
    label: d.label,
    identifier: d.identifier,
    unitId: d.unit_id,
    unitName: dir.unit(d.unit_id),
    sectionId: d.section_id,
    sectionName: dir.section(d.section_id),
    storagePlace: d.storage_place,
    encryption: d.encryption as DeviceView['encryption'],
    encryptionNote: d.encryption_note,
    theftPrevention: d.theft_prevention,
    files: await Promise.all(fileIdsOf(d).map(async (id) => ({ id, name: await dir.fileName(id) }))),
    status: d.status as DeviceView['status'],
    holder: out ? await dir.person(d.holder_id) : null,
    dueDate: out ? d.due_date : null,
    overdue: out && d.due_date !== null && d.due_date < today,
    ownerDescription: d.owner_description,
    onSiteUntil: d.on_site_until,
    incident: d.incident_id && d.incident_number ? { id: d.incident_id, number: d.incident_number } : null,
    disposal:
      d.status === 'disposed' && d.disposal_method && d.witness_id && d.disposed_by
        ? {
            method: d.disposal_method as DisposalMethod,
            methodNote: d.disposal_note,
            disposedOn: d.disposed_on ?? '',
            witness: await dir.someone(d.witness_id),
            recordedBy: await dir.someone(d.disposed_by),
            recordedAt: d.disposed_at ?? '',
          }
        : null,
    registeredAt: d.registered_at,
    updatedAt: d.updated_at,
  };
}

export const presentEvent = async (e: DeviceEventRow, dir: Directory): Promise<DeviceEventView> => ({
  id: e.id,
  kind: e.kind as DeviceEventKind,
  at: e.at,
  by: await dir.someone(e.by_id),
  person: await dir.person(e.person_id),
  dueDate: e.due_date,
  note: e.note,
});

/** Where a take-out stands: its request's status until carried out, then out / returned. */
export function takeOutState(
  t: Pick<TakeOutWithRequest, 'request_status' | 'returned_at' | 'out_at'>,
): TakeOutState {
  if (t.returned_at) return 'returned';
  if (t.out_at) return 'out';
  if (t.request_status === 'submitted') return 'requested';
  if (t.request_status === 'done') return 'out';
  return t.request_status as TakeOutState;
}

export const presentTakeOut = async (
  t: TakeOutWithRequest,
  dir: Directory,
  today: string,
): Promise<TakeOutView> => ({
  id: t.id,
  state: takeOutState(t),
  requestId: t.request_id,
  requestNumber: t.number,
  destination: t.destination,
  purpose: t.purpose,
  from: t.from_date,
  dueBack: t.due_back,
  requestedBy: await dir.someone(t.requested_by),
  requestedAt: t.requested_at,
  outAt: t.out_at,
  outBy: await dir.person(t.out_by),
  returnedAt: t.returned_at,
  returnedBy: await dir.person(t.returned_by),
  overdue: t.out_at !== null && t.returned_at === null && t.due_back < today,
});

/** A bring-in: its request's status; approved once the device is registered (the request is done). */
function bringInState(b: BringInWithRequest): BringInState {
  if (b.device_id || b.request_status === 'done') return 'approved';
  if (b.request_status === 'submitted') return 'requested';
  return b.request_status as BringInState;
}

export async function presentBringIn(
  b: BringInWithRequest,
  dir: Directory,
  deviceNumber: string | null,
): Promise<BringInView> {
  return {
    id: b.id,
    state: bringInState(b),
    requestId: b.request_id,
    requestNumber: b.number,
    kind: b.kind as BringInView['kind'],
    label: b.label,
    identifier: b.identifier,
    ownerDescription: b.owner_description,
    purpose: b.purpose,
    from: b.from_date,
    until: b.until_date,
    sectionId: b.section_id,
    sectionName: dir.section(b.section_id),
    requestedBy: await dir.someone(b.requested_by),
    requestedAt: b.requested_at,
    deviceId: b.device_id,
    deviceNumber,
  };
}
