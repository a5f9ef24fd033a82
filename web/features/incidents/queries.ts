import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  incidentCountsView,
  incidentListView,
  incidentSettings,
  incidentView,
  reportFormView,
  type ContainmentInput,
  type FactsInput,
  type IncidentSettings,
  type IncidentView,
  type LinkInput,
  type MeasureInput,
  type NoticeInput,
  type PublicationInput,
  type ReportInput,
  type StepInput,
} from '../../../shared/api/incidents.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the incident pages (issue 8; A34–A35, 法68): one hook per answer of /api/incidents.
 * Every change answers the whole incident, which replaces the cached one; lists and counts are read again.
 */
export const KEY = ['incidents'] as const;
const one = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export type IncidentState = 'open' | 'closed' | 'all';

export const useIncidentCounts = () =>
  useQuery({
    queryKey: [...KEY, 'counts'],
    queryFn: () => api('/api/incidents/counts', { schema: incidentCountsView }),
    staleTime: 0,
    refetchOnWindowFocus: true,
    retry: false,
  });

export const useIncidents = (state: IncidentState) =>
  useQuery({
    queryKey: [...KEY, 'list', state],
    queryFn: () => api('/api/incidents', { query: { state }, schema: incidentListView }),
    staleTime: 0,
  });

export const useIncident = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(one(id), { schema: incidentView }),
    staleTime: 0,
    retry: false,
  });

export const useReportForm = () =>
  useQuery({
    queryKey: [...KEY, 'form'],
    queryFn: () => api('/api/incidents/form', { schema: reportFormView }),
  });

export const useIncidentSettings = () =>
  useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: () => api('/api/incidents/settings', { schema: incidentSettings }),
  });

export const useReportIncident = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) =>
      api('/api/incidents', { method: 'POST', body: input, schema: incidentView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'one', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'counts'] });
    },
  });
};

export const useSaveSettings = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IncidentSettings) =>
      api('/api/incidents/settings', { method: 'PUT', body: input, schema: incidentSettings }),
    onSuccess: (s) => client.setQueryData([...KEY, 'settings'], s),
  });
};

/** A change of one incident: the answer replaces it in the cache; the board and counts are read again. */
function useChange<I>(id: string, call: (input: I) => Promise<IncidentView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'one', id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'counts'] });
    },
  });
}

const send =
  <I>(id: string, method: 'POST' | 'PUT' | 'DELETE', sub: (input: I) => string) =>
  (input: I) =>
    api(`${one(id)}/${sub(input)}`, {
      method,
      body: method === 'DELETE' ? undefined : input,
      schema: incidentView,
    });

export const useContain = (id: string) =>
  useChange(
    id,
    send<ContainmentInput>(id, 'POST', () => 'containment'),
  );
export const useSaveFacts = (id: string) =>
  useChange(
    id,
    send<FactsInput>(id, 'PUT', () => 'facts'),
  );
export const useAddLink = (id: string) =>
  useChange(
    id,
    send<LinkInput>(id, 'POST', () => 'links'),
  );
export const useRemoveLink = (id: string) =>
  useChange(id, (linkId: string) =>
    api(`${one(id)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE', schema: incidentView }),
  );
export const useRecordStep = (id: string) =>
  useChange(
    id,
    send<StepInput>(id, 'POST', () => 'steps'),
  );
export const useSaveNotice = (id: string) =>
  useChange(
    id,
    send<NoticeInput>(id, 'PUT', () => 'notice'),
  );
export const useSavePublication = (id: string) =>
  useChange(
    id,
    send<PublicationInput>(id, 'PUT', () => 'publication'),
  );
export const useAddMeasure = (id: string) =>
  useChange(
    id,
    send<MeasureInput>(id, 'POST', () => 'measures'),
  );
export const useCompleteMeasure = (id: string) =>
  useChange(id, ({ measureId, note }: { measureId: string; note: string }) =>
    api(`${one(id)}/measures/${encodeURIComponent(measureId)}/done`, {
      method: 'POST',
      body: { note },
      schema: incidentView,
    }),
  );
export const useCloseIncident = (id: string) =>
  useChange(id, (summary: string) =>
    api(`${one(id)}/close`, { method: 'POST', body: { summary }, schema: incidentView }),
  );
