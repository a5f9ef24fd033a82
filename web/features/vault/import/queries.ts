import { useMutation, useQuery } from '@tanstack/react-query';
import {
  vaultImportPreviewView,
  vaultImportProgressView,
  vaultImportStartedView,
} from '../../../../shared/api/vault-import.ts';
import { api } from '../../../app/api.ts';

/** What a dry run or an import sends: the purpose (A11-3), the mapping when one was chosen, the file. */
export interface ImportForm {
  purpose: string;
  file: File;
  mapping: Record<string, number | null> | null;
  digest?: string;
}

const formOf = ({ purpose, file, mapping, digest }: ImportForm) => {
  const form = new FormData();
  form.set('purpose', purpose);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  if (digest) form.set('digest', digest);
  form.set('file', file); // the file last: the server reads the fields before it
  return form;
};

const base = (fileId: string) => `/api/vault/files/${encodeURIComponent(fileId)}/import`;

/** The dry run: every row checked, nothing written. */
export const usePreviewImport = (fileId: string) =>
  useMutation({
    mutationFn: (input: ImportForm) =>
      api(`${base(fileId)}/preview`, { method: 'POST', form: formOf(input), schema: vaultImportPreviewView }),
  });

/** The import of the file checked (same digest): answered at once with its id (202). */
export const useStartImport = (fileId: string) =>
  useMutation({
    mutationFn: (input: ImportForm & { digest: string }) =>
      api(base(fileId), { method: 'POST', form: formOf(input), schema: vaultImportStartedView }),
  });

/** The import's progress, asked again twice a second until it has finished (no personal data in it). */
export const useImportProgress = (importId: string | null) =>
  useQuery({
    queryKey: ['vault', 'import', importId],
    queryFn: () =>
      api(`/api/vault/imports/${encodeURIComponent(importId ?? '')}`, { schema: vaultImportProgressView }),
    enabled: importId !== null,
    retry: false,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
