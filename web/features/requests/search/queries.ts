import type {
  ConfirmInput,
  MatchesView,
  RejectInput,
  SearchInput,
} from '../../../../shared/api/requests-search.ts';
import { api } from '../../../app/api.ts';
import { REQUESTS_KEY, requestPath, useRequestView, useViewChange } from '../common/queries.ts';

/**
 * Data of 本人情報の検索 (issue 12; 法76, 法77-1-2): the matches of a request, the search of every
 * vault file and a handler's confirmation or rejection of each candidate. Each answer is the whole
 * MatchesView, which replaces the cached one; the decision tab reads the confirmed records again.
 */
export const matchesKey = (id: string) => [...REQUESTS_KEY, 'matches', id] as const;

export const useMatches = (id: string) =>
  useRequestView<MatchesView>(matchesKey(id), `${requestPath(id)}/matches`);

const useMatchesChange = <I>(id: string, call: (input: I) => Promise<MatchesView>) =>
  useViewChange(call, () => matchesKey(id), [[...REQUESTS_KEY, 'decision', id]]);

/** 「全ファイルを検索」: the requester's particulars merged with the extra terms (sent in the body, never the URL). */
export const useSearch = (id: string) =>
  useMatchesChange(id, (input: SearchInput) =>
    api<MatchesView>(`${requestPath(id)}/search`, { method: 'POST', body: input }),
  );

/** 「本人のものと確認」 or 「本人のものではない」 of one candidate (the reason in the body). */
const useMatchStep = <I>(id: string, step: 'confirm' | 'reject') =>
  useMatchesChange(id, ({ matchId, ...body }: I & { matchId: string }) =>
    api<MatchesView>(`${requestPath(id)}/matches/${encodeURIComponent(matchId)}/${step}`, {
      method: 'POST',
      body,
    }),
  );

export const useConfirmMatch = (id: string) => useMatchStep<ConfirmInput>(id, 'confirm');
export const useRejectMatch = (id: string) => useMatchStep<RejectInput>(id, 'reject');
