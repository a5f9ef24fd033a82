import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkView as partyCheckView,
  fileOverviewView,
  partyListView,
  partyOverviewView,
  partyView,
  type CheckInput as PartyCheckInput,
  type PartyInput,
  type PartyListQuery,
} from '../../../shared/api/provision-parties.ts';
import { fileListView } from '../../../shared/api/register.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the provision pages (issue 9; A18, A19): the register of parties, the per-file view and the
 * register's files offered in forms. Contracts and provisions have their own hooks (queries-*.ts).
 */
export const KEY = ['provision'] as const;
export const partyPath = (id: string) => `/api/provision/parties/${encodeURIComponent(id)}`;
export const filePath = (id: string) => `/api/provision/files/${encodeURIComponent(id)}`;

export const useParties = (query: PartyListQuery) =>
  useQuery({
    queryKey: [...KEY, 'parties', query],
    queryFn: () => api('/api/provision/parties', { query: { ...query }, schema: partyListView }),
    placeholderData: (previous) => previous,
  });

export const useParty = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'party', id],
    queryFn: () => api(partyPath(id), { schema: partyView }),
    retry: false,
  });

export const usePartyOverview = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'party', id, 'overview'],
    queryFn: () => api(`${partyPath(id)}/overview`, { schema: partyOverviewView }),
    retry: false,
  });

export const useFileOverview = (fileId: string) =>
  useQuery({
    queryKey: [...KEY, 'file', fileId],
    queryFn: () => api(filePath(fileId), { schema: fileOverviewView }),
    retry: false,
    enabled: fileId !== '',
  });

/** The register's files the caller reads (A20): offered for contracts, provisions and the per-file view. */
export const useRegisterFileChoices = () =>
  useQuery({
    queryKey: [...KEY, 'register-files'],
    queryFn: () => api('/api/register/files', { schema: fileListView }),
    retry: false,
  });

export const useCreateParty = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyInput) =>
      api('/api/provision/parties', { method: 'POST', body: input, schema: partyView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'party', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'parties'] });
    },
  });
};

export const useUpdateParty = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyInput & { active: boolean }) =>
      api(partyPath(id), { method: 'PUT', body: input, schema: partyView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'party', id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'parties'] });
    },
  });
};

/** A19-1: a capability check, then its evidence (PDF or image) when one is chosen. */
export const useRecordCheck = (partyId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: PartyCheckInput; file: File | null }) => {
      const check = await api(`${partyPath(partyId)}/checks`, {
        method: 'POST',
        body: input,
        schema: partyCheckView,
      });
      if (file) await uploadEvidence(partyId, check.id, file);
      return check;
    },
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'party', partyId] }),
  });
};

export const useUploadEvidence = (partyId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ checkId, file }: { checkId: string; file: File }) =>
      uploadEvidence(partyId, checkId, file),
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'party', partyId] }),
  });
};

function uploadEvidence(partyId: string, checkId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api(`${partyPath(partyId)}/checks/${encodeURIComponent(checkId)}/evidence`, {
    method: 'POST',
    form,
    schema: partyCheckView,
  });
}
