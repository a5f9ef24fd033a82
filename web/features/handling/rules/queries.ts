import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { rulesView, type RulesInput } from '../../../../shared/api/handling-rules.ts';

/** Data of the rules page (issue 7; A12 「その内容に応じて」): which acts on a file need approval. */
const KEY = ['handling', 'rules'] as const;
const path = (fileId: string) => `/api/handling/files/${encodeURIComponent(fileId)}/rules`;

export const useRules = (fileId: string) =>
  useQuery({
    queryKey: [...KEY, fileId],
    queryFn: () => api(path(fileId), { schema: rulesView }),
    retry: false,
  });

export function useSaveRules(fileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RulesInput) => api(path(fileId), { method: 'PUT', body: input, schema: rulesView }),
    onSuccess: (view) => client.setQueryData([...KEY, fileId], view),
  });
}
