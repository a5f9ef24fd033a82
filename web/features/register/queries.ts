import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import {
  diffView,
  fileListView,
  fileView,
  historyView,
  inboxView,
  type CreateFileInput,
  type EntryFieldsInput,
  type FileView,
} from '../../../shared/api/register.ts';
import type { FileState } from '../../../shared/register-fields.ts';

/** Data of the register screens (A20): one hook per answer of /api/register/* (docs/http-api.md). */

const KEY = ['register'] as const;
const file = (id: string) => `/api/register/files/${encodeURIComponent(id)}`;

export interface FileFilters {
  unitId?: string;
  sectionId?: string;
  state?: FileState;
}

export const useRegisterFiles = (filters: FileFilters) =>
  useQuery({
    queryKey: [...KEY, 'files', filters],
    queryFn: () => api('/api/register/files', { query: { ...filters }, schema: fileListView }),
    placeholderData: (previous) => previous,
  });

export const useRegisterFile = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'file', id],
    queryFn: () => api(file(id), { schema: fileView }),
    retry: false,
  });

export const useFileHistory = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'file', id, 'history'],
    queryFn: () => api(`${file(id)}/history`, { schema: historyView }),
  });

export const useFileDiff = (id: string, from: number, to: number) =>
  useQuery({
    queryKey: [...KEY, 'file', id, 'diff', from, to],
    queryFn: () => api(`${file(id)}/diff`, { query: { from, to }, schema: diffView }),
    enabled: from > 0 && to > 0 && from !== to,
  });

export const useRegisterInbox = (enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'inbox'],
    queryFn: () => api('/api/register/inbox', { schema: inboxView }),
    enabled,
  });

/** Every change answers the file as it now is; the lists, the inbox and the history are read again. */
function useFileMutation<I>(call: (input: I) => Promise<FileView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (f) => {
      client.setQueryData([...KEY, 'file', f.id], f);
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
}

export const useCreateFile = () =>
  useFileMutation((input: CreateFileInput) =>
    api('/api/register/files', { method: 'POST', body: input, schema: fileView }),
  );

export const useEditDraft = () =>
  useFileMutation(({ id, fields }: { id: string; fields: EntryFieldsInput }) =>
    api(`${file(id)}/draft`, { method: 'PUT', body: fields, schema: fileView }),
  );

export const useAmend = () =>
  useFileMutation(({ id, fields }: { id: string; fields: EntryFieldsInput }) =>
    api(`${file(id)}/amend`, { method: 'POST', body: { fields }, schema: fileView }),
  );

export type StepAction = 'submit' | 'accept' | 'approve-my-number';
export const useStep = () =>
  useFileMutation(({ id, action }: { id: string; action: StepAction }) =>
    api(`${file(id)}/${action}`, { method: 'POST', schema: fileView }),
  );

export const useWithReason = () =>
  useFileMutation(
    ({ id, action, reason }: { id: string; action: 'return' | 'discontinue'; reason: string }) =>
      api(`${file(id)}/${action}`, { method: 'POST', body: { reason }, schema: fileView }),
  );
