import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  candidateView,
  doorView,
  entryView,
  inspectionView,
  roomListView,
  roomView,
  type EntryInput,
  type EntryListQuery,
  type InspectionInput,
  type RoomInput,
  type RoomUpdateInput,
} from '../../../../shared/api/facility-rooms.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the server rooms pages (issue 11; A32, A33): the rooms, their authorised persons, the
 * entry/exit log, the door tablet and the safeguards' inspections.
 */
export const KEY = ['facility-rooms'] as const;
const enc = encodeURIComponent;
export const roomPath = (id: string) => `/api/facilities/rooms/${enc(id)}`;

const entriesView = z.object({ entries: z.array(entryView) });
const inspectionsView = z.object({ inspections: z.array(inspectionView) });
const candidatesView = z.object({ people: z.array(candidateView) });

export const useRooms = () =>
  useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api('/api/facilities/rooms', { schema: roomListView }),
    retry: false,
  });

export const useRoom = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'room', id],
    queryFn: () => api(roomPath(id), { schema: roomView }),
    retry: false,
  });

export const useEntries = (id: string, query: EntryListQuery, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'entries', id, query],
    queryFn: () => api(`${roomPath(id)}/entries`, { query: { ...query }, schema: entriesView }),
    retry: false,
    enabled,
    placeholderData: (previous) => previous,
  });

export const useInspections = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'inspections', id],
    queryFn: () => api(`${roomPath(id)}/inspections`, { schema: inspectionsView }),
    retry: false,
  });

export const useCandidates = (id: string, q: string | null) =>
  useQuery({
    queryKey: [...KEY, 'candidates', id, q],
    queryFn: () => api(`${roomPath(id)}/candidates`, { query: { q }, schema: candidatesView }),
    retry: false,
    enabled: q !== null,
  });

/** Everything of one room that a change may touch (the room, its log, the door, the list). */
function useRefresh(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: [...KEY, 'room', id] });
    void client.invalidateQueries({ queryKey: [...KEY, 'entries', id] });
    void client.invalidateQueries({ queryKey: [...KEY, 'door', id] });
    void client.invalidateQueries({ queryKey: [...KEY, 'inspections', id] });
    void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
  };
}

/** A room registered (id null) or changed by its keepers (A32-1). */
export const useSaveRoom = (id: string | null) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoomInput | RoomUpdateInput) =>
      id
        ? api(roomPath(id), { method: 'PUT', body: input, schema: roomView })
        : api('/api/facilities/rooms', { method: 'POST', body: input, schema: roomView }),
    onSuccess: (room) => {
      client.setQueryData([...KEY, 'room', room.id], room);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'door', room.id] });
    },
  });
};

/** A32-1: the authorised persons, added and removed by the room's keepers. */
export const useAuthorisedChanges = (id: string) => {
  const refresh = useRefresh(id);
  return {
    add: useMutation({
      mutationFn: (personId: string) =>
        api(`${roomPath(id)}/authorised`, { method: 'POST', body: { personId }, schema: roomView }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (personId: string) =>
        api(`${roomPath(id)}/authorised/${enc(personId)}`, { method: 'DELETE', schema: roomView }),
      onSettled: refresh,
    }),
  };
};

/** A33: an inspection of every safeguard at once. */
export const useRecordInspection = (id: string) => {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: InspectionInput) =>
      api(`${roomPath(id)}/inspections`, { method: 'POST', body: input, schema: inspectionView }),
    onSuccess: refresh,
  });
};

// ── the door tablet (A32-1: 入退室の記録, 部外者の識別化と立会い) ──

export const useDoor = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'door', id],
    queryFn: () => api(`${roomPath(id)}/door`, { schema: doorView }),
    retry: false,
  });

export const useDoorActions = (id: string) => {
  const refresh = useRefresh(id);
  return {
    enter: useMutation({
      mutationFn: (input: EntryInput) =>
        api(`${roomPath(id)}/entries`, { method: 'POST', body: input, schema: entryView }),
      onSuccess: refresh,
    }),
    exit: useMutation({
      mutationFn: (entryId: string) =>
        api(`${roomPath(id)}/entries/${enc(entryId)}/exit`, {
          method: 'POST',
          body: { exitedAt: null },
          schema: entryView,
        }),
      onSettled: refresh,
    }),
  };
};
