import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import {
  logEntryDetailView,
  logEntryPage,
  logStatusView,
  pruneResultView,
  retentionView,
  verificationView,
  type EntryQuery,
  type RetentionView,
} from '../../../shared/api/logs.ts';

/** Data of the log screens (A22): one hook per answer of GET/POST /api/log/*. */

const KEY = ['log'] as const;
export const PAGE_SIZE = 50;

/** The explorer's filters without paging (the pages follow each other by `next`). */
export type EntryFilters = Omit<EntryQuery, 'before' | 'limit'>;

export const useEntries = (filters: EntryFilters, enabled = true) =>
  useInfiniteQuery({
    enabled,
    queryKey: [...KEY, 'entries', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api('/api/log/entries', {
        query: { ...filters, before: pageParam, limit: PAGE_SIZE },
        schema: logEntryPage,
      }),
    getNextPageParam: (last) => last.next ?? undefined,
  });

export const useEntry = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'entry', id],
    queryFn: () => api(`/api/log/entries/${encodeURIComponent(id)}`, { schema: logEntryDetailView }),
    retry: false,
  });

export const useLogStatus = () =>
  useQuery({
    queryKey: [...KEY, 'status'],
    queryFn: () => api('/api/log/status', { schema: logStatusView }),
  });

function useLogMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useVerify = () =>
  useLogMutation(() => api('/api/log/verify', { method: 'POST', schema: verificationView }));

export const useSetRetention = () =>
  useLogMutation((body: RetentionView) =>
    api('/api/log/retention', { method: 'PUT', body, schema: retentionView }),
  );

export const usePrune = () =>
  useLogMutation(() => api('/api/log/prune', { method: 'POST', schema: pruneResultView }));
