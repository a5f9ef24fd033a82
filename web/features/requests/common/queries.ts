import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
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
 * The other tabs (web-2) share `useRequest(id)`, `useRequestView` and `useViewChange`.
 */
export const REQUESTS_KEY = ['requests'] as const;
export const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;
const requestKey = (id: string) => [...REQUESTS_KEY, 'one', id] as const;
const boardKey = [...REQUESTS_KEY, 'list'] as const;

/** The request and the board: read again after a change on one of the request's tabs. */
export const requestAndBoard = (id: string): QueryKey[] => [requestKey(id), boardKey];

/**
 * One view of a request (a tab's whole answer): always read fresh, never retried (a 404 is the
 * answer for who may not see the request).
 */
export const useRequestView = <V>(key: QueryKey, path: string, enabled = true) =>
  useQuery({
    queryKey: key,
    queryFn: () => api<V>(path),
    staleTime: 0,
    retry: false,
    enabled,
  });

/**
 * A change whose answer is a whole view: the answer replaces the cached view at `cacheKey(view)`,
 * and the queries at `refresh` (the request, the board, another tab) are read again.
 */
export function useViewChange<I, V>(
  call: (input: I) => Promise<V>,
  cacheKey: (view: V) => QueryKey,
  refresh: readonly QueryKey[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData(cacheKey(view), view);
      for (const queryKey of refresh) void client.invalidateQueries({ queryKey });
    },
  });
}

export interface BoardFilter {
  status?: string;
  kind?: string;
}

export const useRequests = (filter: BoardFilter) =>
  useQuery({
    queryKey: [...boardKey, filter.status ?? '', filter.kind ?? ''],
    queryFn: () =>
      api<RequestListView>('/api/requests', {
        query: { status: filter.status || undefined, kind: filter.kind || undefined },
      }),
    staleTime: 0,
  });

/** One request (the requester's particulars are null for readers who are not handlers). */
export const useRequest = (id: string) => useRequestView<RequestView>(requestKey(id), requestPath(id));

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
export const useRequestAction = <I>(id: string, path: string | ((input: I) => string)) =>
  useViewChange(
    (input: I) =>
      api<RequestView>(`${requestPath(id)}${typeof path === 'string' ? path : path(input)}`, {
        method: 'POST',
        body: input,
      }),
    () => requestKey(id),
    [boardKey, [...REQUESTS_KEY, 'periods', id]],
  );

export const useIntake = () =>
  useViewChange(
    (input: unknown) => api<RequestView>('/api/requests', { method: 'POST', body: input }),
    (view) => requestKey(view.id),
    [boardKey],
  );
