import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import {
  correctionChangeView,
  correctionListView,
  correctionReportView,
  correctionView,
  type CorrectionApplyInput,
  type CorrectionReportInput,
} from '../../../../shared/api/handling-correction.ts';

/**
 * Data of the correction pages (issue 7, A13). The report's words and the values before and after
 * are read only when the person asks (each read is logged by the server, A22-1), and are not kept
 * once no screen shows them.
 */
const KEY = ['corrections'] as const;
const one = (id: string) => `/api/handling/corrections/${encodeURIComponent(id)}`;

export const useCorrections = (box: 'mine' | 'file' | 'managed', fileId?: string) =>
  useQuery({
    queryKey: [...KEY, 'list', box, fileId ?? null],
    queryFn: () => api('/api/handling/corrections', { query: { box, fileId }, schema: correctionListView }),
    retry: false,
  });

export const useCorrection = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(one(id), { schema: correctionView }),
    retry: false,
  });

export const useReportCorrection = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CorrectionReportInput) =>
      api('/api/handling/corrections', { method: 'POST', body: input, schema: correctionView }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
};

/** Opens the report's words (logged as an access). */
export const useReadReport = (id: string) =>
  useMutation({
    mutationFn: (purpose: string | null) =>
      api(`${one(id)}/report`, { query: { purpose: purpose ?? undefined }, schema: correctionReportView }),
  });

/** Opens the values before and after (logged as an access). */
export const useReadChange = (id: string) =>
  useMutation({
    mutationFn: (purpose: string | null) =>
      api(`${one(id)}/change`, { query: { purpose: purpose ?? undefined }, schema: correctionChangeView }),
  });

export const useApplyCorrection = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CorrectionApplyInput) =>
      api(`${one(id)}/apply`, { method: 'POST', body: input, schema: correctionView }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: ['vault'] });
    },
  });
};
