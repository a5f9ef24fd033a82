import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import {
  ledgerView,
  reviewView,
  type LedgerQuery,
  type ReviewInput,
} from '../../../../shared/api/handling-usage.ts';

/**
 * Data of the usage ledger's page (issue 7, A16). Each reading is recorded by the server, so nothing
 * here reads again behind the person's back (no refetch on focus, no polling).
 */
const KEY = ['usageLedger'] as const;
export const ledgerPath = (fileId: string) => `/api/handling/files/${encodeURIComponent(fileId)}/ledger`;

/** The query string of the filters (downloads use the same). */
export function ledgerSearch(q: LedgerQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q) as [string, string | number | undefined][])
    if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const useLedger = (fileId: string, q: LedgerQuery) =>
  useQuery({
    queryKey: [...KEY, fileId, q],
    queryFn: () => api(`${ledgerPath(fileId)}${ledgerSearch(q)}`, { schema: ledgerView }),
    retry: false,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

export function useSignReview(fileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) =>
      api(`${ledgerPath(fileId)}/reviews`, { method: 'POST', body: input, schema: reviewView }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, fileId] }),
  });
}
