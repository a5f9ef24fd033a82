import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import {
  exportListView,
  exportMadeView,
  exportOptionsView,
  exportRequestedView,
  exportView,
  type ExportMakeInput,
  type ExportSpec,
} from '../../../../shared/api/handling-export.ts';

/**
 * Data of the copies' screens (issue 7; A12(1), A24の2). The password of an archive comes once, in
 * the answer of the act; it is kept in memory only until its page shows it (never in the URL, the
 * history state or storage), so a reload does not show it again.
 */
const KEY = ['handling', 'exports'] as const;
const base = '/api/handling/exports';

const shownOnce = new Map<string, string>();
/** The password of a copy just made, handed over once: read, then forgotten. */
export function takePassword(exportId: string): string | null {
  const p = shownOnce.get(exportId) ?? null;
  shownOnce.delete(exportId);
  return p;
}

export const useExports = () =>
  useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api(base, { schema: exportListView }) });

export const useExport = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(`${base}/${encodeURIComponent(id)}`, { schema: exportView }),
    retry: false,
  });

export const useExportOptions = (fileId: string, purpose: string | null) =>
  useQuery({
    queryKey: [...KEY, 'options', fileId, purpose],
    queryFn: () => api(`${base}/options`, { query: { fileId, purpose }, schema: exportOptionsView }),
    retry: false,
    enabled: fileId !== '',
  });

export function useRequestExport() {
  return useMutation({
    mutationFn: (input: ExportSpec) =>
      api(`${base}/requests`, { method: 'POST', body: input, schema: exportRequestedView }),
  });
}

export function useMakeExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ExportMakeInput) =>
      api(base, { method: 'POST', body: input, schema: exportMadeView }),
    onSuccess: (made) => {
      shownOnce.set(made.export.id, made.password);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}

/** Delete on the server early, or confirm that local copies are deleted (A24の2). */
export function useExportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'delete' | 'confirm-deleted') =>
      api(`${base}/${encodeURIComponent(id)}/${action}`, { method: 'POST', schema: exportView }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const downloadUrl = (id: string) => `${base}/${encodeURIComponent(id)}/download`;
