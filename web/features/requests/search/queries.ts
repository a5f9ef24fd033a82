import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConfirmInput,
  MatchesView,
  RejectInput,
  SearchInput,
} from '../../../../shared/api/requests-search.ts';
import { api } from '../../../app/api.ts';
import { REQUESTS_KEY, requestPath } from '../common/queries.ts';

/**
 * Data of 本人情報の検索 (issue 12; 法76, 法77-1-2): the matches of a request, the search of every
 * vault file and a handler's confirmation or rejection of each candidate. Each answer is the whole
 * MatchesView, which replaces the cached one; the decision tab reads the confirmed records again.
 */
export const matchesKey = (id: string) => [...REQUESTS_KEY, 'matches', id] as const;

export const useMatches = (id: string) =>
  useQuery({
    queryKey: matchesKey(id),
    queryFn: () => api<MatchesView>(`${requestPath(id)}/matches`),
    staleTime: 0,
    retry: false,
  });

function useMatchesChange<I>(id: string, call: (input: I) => Promise<MatchesView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData(matchesKey(id), view);
      void client.invalidateQueries({ queryKey: [...REQUESTS_KEY, 'decision', id] });
    },
  });
}

/** 「全ファイルを検索」: the requester's particulars merged with the extra terms (sent in the body, never the URL). */
export const useSearch = (id: string) =>
  useMatchesChange(id, (input: SearchInput) =>
    api<MatchesView>(`${requestPath(id)}/search`, { method: 'POST', body: input }),
  );

export const useConfirmMatch = (id: string) =>
  useMatchesChange(id, ({ matchId, ...body }: ConfirmInput & { matchId: string }) =>
    api<MatchesView>(`${requestPath(id)}/matches/${encodeURIComponent(matchId)}/confirm`, {
      method: 'POST',
      body,
    }),
  );

export const useRejectMatch = (id: string) =>
  useMatchesChange(id, ({ matchId, ...body }: RejectInput & { matchId: string }) =>
    api<MatchesView>(`${requestPath(id)}/matches/${encodeURIComponent(matchId)}/reject`, {
      method: 'POST',
      body,
    }),
  );
