import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api.ts';
import {
  accessAnswerView,
  analysisScopeView,
  reportSummaryView,
  reportView,
  type AccessQuery,
  type AnalysisRequest,
} from '../../../../shared/api/log-analysis.ts';

/** Data of the log-analysis screens (A22-1): one hook per API answer. */

const KEY = ['log-analysis'] as const;

export const useReports = (status: 'all' | 'unsigned' | 'signed') =>
  useQuery({
    queryKey: [...KEY, 'reports', status],
    queryFn: () =>
      api('/api/log-analysis/reports', { query: { status }, schema: z.array(reportSummaryView) }),
  });

export const useReport = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'report', id],
    queryFn: () => api(`/api/log-analysis/reports/${encodeURIComponent(id)}`, { schema: reportView }),
  });

export const useScopes = () =>
  useQuery({
    queryKey: [...KEY, 'scopes'],
    queryFn: () => api('/api/log-analysis/scopes', { schema: z.array(analysisScopeView) }),
  });

function useAnalysisMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useRunAnalysis = () =>
  useAnalysisMutation((body: AnalysisRequest) =>
    api('/api/log-analysis/reports', { method: 'POST', body, schema: reportView }),
  );

export const useSignOff = () =>
  useAnalysisMutation(({ id, comment }: { id: string; comment: string }) =>
    api(`/api/log-analysis/reports/${encodeURIComponent(id)}/sign-off`, {
      method: 'POST',
      body: { comment },
      schema: reportView,
    }),
  );

/** The answer to a question; null question: nothing asked yet. */
export const useAccessAnswer = (q: AccessQuery | null) =>
  useQuery({
    queryKey: [...KEY, 'access', q],
    enabled: q !== null,
    queryFn: () => api('/api/log-analysis/access', { query: { ...q }, schema: accessAnswerView }),
  });

/** The download address of an answer's export (a plain link: the browser sends the session cookie). */
export const exportHref = (q: AccessQuery, format: 'csv' | 'xlsx') =>
  withQuery('/api/log-analysis/access/export', { ...q, format });
