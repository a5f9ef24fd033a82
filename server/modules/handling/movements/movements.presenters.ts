import type {
  MediumKind,
  MediumStatus,
  MediumView,
  MovementKind,
  MovementMeans,
  MovementState,
  MovementView,
} from '../../../../shared/api/handling-movements.ts';
import type { HandlingContext } from '../handling.deps.ts';
import type { MediumRow, MovementWithRequest } from './movements.repo.ts';

/** What a request's payload of a movement holds (organisational facts, codes and counts only). */
export interface MovementPayload {
  purpose?: string;
  recordsCount?: number;
  recordsDescription?: string;
  approval?: 'not_required';
}

/** A12(3): taken out (or sent out to come back) and not back by its day. */
export const isOverdue = (
  m: Pick<MovementWithRequest, 'medium_id' | 'done_at' | 'returned_at' | 'due_back'>,
  today: string,
) =>
  m.medium_id !== null &&
  m.done_at !== null &&
  m.returned_at === null &&
  m.due_back !== null &&
  m.due_back < today;

export function stateOf(m: MovementWithRequest): MovementState {
  if (m.done_at) {
    if (!m.medium_id) return 'done';
    return m.returned_at ? 'returned' : 'out';
  }
  switch (m.request_status) {
    case 'submitted':
      return 'requested';
    case 'sent_back':
    case 'approved':
    case 'denied':
    case 'withdrawn':
    case 'expired':
      return m.request_status;
    default:
      return 'done';
  }
}

/**
 * Names for the screens, read once per answer: units and sections, files (the register's names),
 * people, media labels.
 */
export function createNamer(h: HandlingContext) {
  const files = new Map<string, Promise<string>>();
  const people = new Map<string, Promise<string | null>>();
  let orgNames: ReturnType<HandlingContext['names']> | null = null;
  return {
    org: () => (orgNames ??= h.names()),
    file(id: string) {
      let name = files.get(id);
      if (!name) files.set(id, (name = h.fileFacts(id).then((f) => f?.name ?? '')));
      return name;
    },
    person(id: string | null) {
      if (!id) return Promise.resolve(null);
      let name = people.get(id);
      if (!name) people.set(id, (name = h.person(id).then((p) => p?.name ?? null)));
      return name;
    },
  };
}
export type Namer = ReturnType<typeof createNamer>;

export async function presentMedium(
  n: Namer,
  m: MediumRow,
  extra: { outWith: MediumView['outWith']; canEdit: boolean },
): Promise<MediumView> {
  const org = await n.org();
  const fileIds = JSON.parse(m.file_ids) as string[];
  return {
    id: m.id,
    unitId: m.unit_id,
    unitName: org.units.get(m.unit_id) ?? '',
    sectionId: m.section_id,
    sectionName: org.sections.get(m.section_id) ?? '',
    label: m.label,
    kind: m.kind as MediumKind,
    storagePlace: m.storage_place,
    files: await Promise.all(fileIds.map(async (id) => ({ id, name: await n.file(id) }))),
    status: m.status as MediumStatus,
    registeredAt: m.registered_at,
    registeredByName: await n.person(m.registered_by),
    disposedAt: m.disposed_at,
    disposalMethod: m.disposal_method,
    ...extra,
  };
}

export async function presentMovement(
  n: Namer,
  m: MovementWithRequest,
  extra: { mediumLabel: string | null; today: string; canCarryOut: boolean; canReturn: boolean },
): Promise<MovementView> {
  const org = await n.org();
  const payload = JSON.parse(m.payload) as MovementPayload;
  return {
    id: m.id,
    kind: m.kind as MovementKind,
    state: stateOf(m),
    overdue: isOverdue(m, extra.today),
    requestId: m.request_id,
    requestNumber: m.number,
    approvalRequired: payload.approval !== 'not_required',
    unitId: m.unit_id,
    sectionId: m.section_id,
    sectionName: org.sections.get(m.section_id) ?? '',
    fileId: m.file_id,
    fileName: await n.file(m.file_id),
    mediumId: m.medium_id,
    mediumLabel: extra.mediumLabel,
    recipient: m.recipient,
    means: m.means as MovementMeans,
    purpose: payload.purpose ?? null,
    recordsCount: payload.recordsCount ?? null,
    recordsDescription: payload.recordsDescription ?? null,
    reason: m.reason,
    plannedAt: m.planned_at,
    dueBack: m.due_back,
    requestedBy: m.requested_by,
    requestedByName: (await n.person(m.requested_by)) ?? '',
    requestedAt: m.requested_at,
    doneAt: m.done_at,
    doneByName: await n.person(m.done_by),
    returnedAt: m.returned_at,
    returnedByName: await n.person(m.returned_by),
    canCarryOut: extra.canCarryOut,
    canReturn: extra.canReturn,
  };
}
