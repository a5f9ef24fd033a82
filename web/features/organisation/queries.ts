import { z } from 'zod';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_RULES, ROLES } from '../../../shared/roles.ts';
import { api } from '../../app/api.ts';
import {
  appointmentView,
  gapReportView,
  personDetailView,
  personView,
  sectionDetailView,
  sectionView,
  unitDetailView,
  unitView,
  type AppointInput,
  type CreateSectionInput,
  type PersonInput,
} from '../../../shared/api/organisation.ts';

/** Data of the organisation screens (A3–A9): one hook per API answer of docs/http-api.md. */

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: () => api('/api/units', { schema: z.array(unitView) }),
    staleTime: 60_000,
  });
}

export function useUnit(id: string | undefined | null) {
  return useQuery({
    queryKey: ['unit', id],
    queryFn: () => api(`/api/units/${encodeURIComponent(id ?? '')}`, { schema: unitDetailView }),
    enabled: Boolean(id),
  });
}

export function useSection(id: string | undefined | null) {
  return useQuery({
    queryKey: ['section', id],
    queryFn: () => api(`/api/sections/${encodeURIComponent(id ?? '')}`, { schema: sectionDetailView }),
    enabled: Boolean(id),
  });
}

export const peoplePage = z.object({ items: z.array(personView), total: z.number().int() });
export interface PeopleQuery {
  q?: string;
  unitId?: string;
  sectionId?: string;
  limit: number;
  offset: number;
}

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: ['people', query],
    // A POST, so that names never appear in URLs or logs (docs/http-api.md).
    queryFn: () => api('/api/people/search', { method: 'POST', body: query, schema: peoplePage }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: () => api(`/api/people/${encodeURIComponent(id ?? '')}`, { schema: personDetailView }),
    enabled: Boolean(id),
  });
}

export function useGaps(enabled = true) {
  return useQuery({
    queryKey: ['gaps'],
    queryFn: () => api('/api/organisation/gaps', { schema: gapReportView }),
    enabled,
  });
}

const ORGANISATION_ROLES = ROLES.filter((r) => ROLE_RULES[r].scope === 'organisation');

/** Appointments over the whole organisation (理事長, 総括管理者, 監査責任者, 委員, システム管理者), all statuses. */
export function useOrganisationAppointments() {
  return useQueries({
    queries: ORGANISATION_ROLES.map((role) => ({
      queryKey: ['appointments', { role }],
      queryFn: () => api('/api/appointments', { query: { role }, schema: z.array(appointmentView) }),
    })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      data: results.flatMap((r) => r.data ?? []).filter((a) => a.scopeKind === 'organisation'),
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}

/** After any change of appointments, sections or people, every view that shows them is refetched. */
function useInvalidateOrganisation() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      ['units', 'unit', 'section', 'person', 'people', 'gaps', 'appointments', 'session'].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useAppoint() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (input: AppointInput) =>
      api('/api/appointments', { method: 'POST', body: input, schema: appointmentView }),
    onSuccess: invalidate,
  });
}

export function useEndAppointment() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ id, endedOn, reason }: { id: string; endedOn?: string; reason: string }) =>
      api(`/api/appointments/${encodeURIComponent(id)}/end`, {
        method: 'POST',
        body: { endedOn, reason },
        schema: appointmentView,
      }),
    onSuccess: invalidate,
  });
}

export function useUpdateSection() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({
      id,
      ...patch
    }: {
      id: string;
      handlesPersonalInfo?: boolean;
      handlesMyNumber?: boolean;
    }) => api(`/api/sections/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

export function useCreateSection() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (input: CreateSectionInput) =>
      api('/api/sections', { method: 'POST', body: input, schema: sectionView }),
    onSuccess: invalidate,
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (input: PersonInput) =>
      api('/api/people', { method: 'POST', body: input, schema: personView }),
    onSuccess: invalidate,
  });
}

/** PATCH /api/people/:id: the fields of PersonInput but the employee number, and whether in office. */
export type PersonPatch = Partial<Omit<PersonInput, 'employeeNumber'>> & { active?: boolean };

export function useUpdatePerson() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ id, ...patch }: PersonPatch & { id: string }) =>
      api(`/api/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: personView }),
    onSuccess: invalidate,
  });
}
