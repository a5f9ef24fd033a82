import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approvalView } from '../../../../shared/api/approvals.ts';
import {
  disposalFileFacts,
  disposalListView,
  disposalReadyView,
  disposalView,
  type DisposalExecuteInput,
  type DisposalRequestInput,
} from '../../../../shared/api/handling-disposal.ts';
import { api } from '../../../app/api.ts';

/** Data of the disposal pages (issue 7, A15). */
const KEY = ['disposal'] as const;
const BASE = '/api/handling/disposals';

export const certificateUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}/certificate`;

export const useDisposals = () =>
  useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api(BASE, { schema: disposalListView }) });

export const useReadyDisposals = () =>
  useQuery({
    queryKey: [...KEY, 'ready'],
    queryFn: () => api(`${BASE}/ready`, { schema: disposalReadyView }),
  });

export const useDisposalFacts = (fileId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'file', fileId],
    queryFn: () => api(`${BASE}/files/${encodeURIComponent(fileId!)}`, { schema: disposalFileFacts }),
    enabled: fileId !== null,
    retry: false,
  });

export function useRequestDisposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisposalRequestInput) =>
      api(`${BASE}/requests`, { method: 'POST', body: input, schema: approvalView }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['approvals'] }),
  });
}

export function useExecuteDisposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisposalExecuteInput) =>
      api(BASE, { method: 'POST', body: input, schema: disposalView }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['approvals'] });
      await client.invalidateQueries({ queryKey: ['vault'] });
    },
  });
}
