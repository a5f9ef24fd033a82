import { useQuery } from '@tanstack/react-query';
import type {
  CarriedOutInput,
  DecisionView,
  MethodInput,
  NoticeInput,
  RecordValuesView,
  SubmitInput,
  WithheldInput,
} from '../../../../shared/api/requests-decision.ts';
import { api } from '../../../app/api.ts';
import {
  REQUESTS_KEY,
  requestAndBoard,
  requestPath,
  useRequestView,
  useViewChange,
} from '../common/queries.ts';

/**
 * Data of 決定 (issue 12; 法78–87): the decision of a disclosure request, the withheld items, the
 * approval, the notice, the method and the carrying out. Each change answers the whole DecisionView;
 * the request (status, dates) and the board are read again.
 */
export const decisionKey = (id: string) => [...REQUESTS_KEY, 'decision', id] as const;
const base = (id: string) => `${requestPath(id)}/decision`;

export const noticePdf = (id: string) => `${base(id)}/notice.pdf`;
export const disclosurePdf = (id: string) => `${base(id)}/disclosure.pdf`;

export const useDecision = (id: string) => useRequestView<DecisionView>(decisionKey(id), base(id));

/**
 * 「内容を表示」: a record's values, read only when asked (the read is logged with this request as its
 * purpose, A22-1); kept while the page is open, never refetched by itself.
 */
export const useRecordValues = (id: string, matchId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...decisionKey(id), 'values', matchId],
    queryFn: () => api<RecordValuesView>(`${base(id)}/records/${encodeURIComponent(matchId)}`),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

const useDecisionChange = <I>(id: string, method: 'POST' | 'PUT', sub: string) =>
  useViewChange(
    (input: I) => api<DecisionView>(`${base(id)}/${sub}`, { method, body: input }),
    () => decisionKey(id),
    requestAndBoard(id),
  );

export const useSaveWithheld = (id: string) => useDecisionChange<WithheldInput>(id, 'PUT', 'withheld');
export const useSubmitDecision = (id: string) => useDecisionChange<SubmitInput>(id, 'POST', 'submit');
export const useRecordNotice = (id: string) => useDecisionChange<NoticeInput>(id, 'POST', 'notice');
export const useChooseMethod = (id: string) => useDecisionChange<MethodInput>(id, 'POST', 'method');
export const useCarriedOut = (id: string) => useDecisionChange<CarriedOutInput>(id, 'POST', 'carried-out');
