import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OfficeView,
  PeriodsView,
  RequestListView,
  RequestView,
} from '../../../../shared/api/requests.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the request pages (issue 12; 法76–107): one hook per answer of /api/requests. Every change
 * answers the whole request, which replaces the cached one; the board and the periods are read again.
 * The other tabs (web-2) share `useRequest(id)` and may invalidate `REQUESTS_KEY` after their changes.
 */
export const REQUESTS_KEY = ['requests'] as const;
export const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export interface BoardFilter {
  status?: string;
  kind?: string;
}

export const useRequests = (filter: BoardFilter) =>
  useQuery({
    queryKey: [...REQUESTS_KEY, 'list', filter.status ?? '', filter.kind ?? ''],
    queryFn: () =>
      api<RequestListView>('/api/requests', {
        query: { status: filter.status || undefined, kind: filter.kind || undefined },
      }),
    staleTime: 0,
  });

/** One request (the requester's particulars are null for readers who are not handlers). */
export const useRequest = (id: string) =>
  useQuery({
    queryKey: [...REQUESTS_KEY, 'one', id],
    queryFn: () => api<RequestView>(requestPath(id)),
    staleTime: 0,
    retry: false,
  });

export const usePeriods = (id: string) =>
  useQuery({
    queryKey: [...REQUESTS_KEY, 'periods', id],
    queryFn: () => api<PeriodsView>(`${requestPath(id)}/periods`),
    staleTime: 0,
  });

/** The offices where the caller receives requests (the register's 開示請求等を受理する組織). */
export const useOffices = () =>
  useQuery({
    queryKey: [...REQUESTS_KEY, 'offices'],
    queryFn: () => api<{ offices: OfficeView[] }>('/api/requests/offices'),
  });

/** A change of a request at `path` (relative to the request) answering the request. */
export function useRequestAction<I>(id: string, path: string | ((input: I) => string)) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) =>
      api<RequestView>(`${requestPath(id)}${typeof path === 'string' ? path : path(input)}`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (view) => {
      client.setQueryData([...REQUESTS_KEY, 'one', id], view);
      void client.invalidateQueries({ queryKey: [...REQUESTS_KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...REQUESTS_KEY, 'periods', id] });
    },
  });
}

export const useIntake = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api<RequestView>('/api/requests', { method: 'POST', body: input }),
    onSuccess: (view) => {
      client.setQueryData([...REQUESTS_KEY, 'one', view.id], view);
      void client.invalidateQueries({ queryKey: [...REQUESTS_KEY, 'list'] });
    },
  });
};
