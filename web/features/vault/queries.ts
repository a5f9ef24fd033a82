import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api.ts';
import {
  changeView,
  grantView,
  recordListView,
  recordView,
  vaultFileListView,
  vaultFileView,
  type GrantInput,
} from '../../../shared/api/vault.ts';

/**
 * Data of the vault's screens (issue 6): one hook per answer of /api/vault/*. Every request on
 * records names the purpose chosen on screen (A11-3); search terms go in request bodies, never in
 * URLs (they are personal data). Each read is logged by the server before it is served (A22), so
 * nothing here reads again behind the person's back (no refetch on focus, no polling).
 */

const KEY = ['vault'] as const;
const file = (fileId: string) => `/api/vault/files/${encodeURIComponent(fileId)}`;
const record = (fileId: string, recordId: string) =>
  `${file(fileId)}/records/${encodeURIComponent(recordId)}`;

export const useVaultFiles = () =>
  useQuery({
    queryKey: [...KEY, 'files'],
    queryFn: () => api('/api/vault/files', { schema: vaultFileListView }),
  });

export const useVaultFile = (fileId: string, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'file', fileId],
    queryFn: () => api(file(fileId), { schema: vaultFileView }),
    retry: false,
    enabled: enabled && fileId !== '',
  });

/** One page of records (keyset paging on `after`); the answer names the next page's cursor. */
export const useRecordPage = (fileId: string, purpose: string, after: string | null, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'records', fileId, purpose, after],
    queryFn: () =>
      api(`${file(fileId)}/records`, {
        query: { purpose, after, limit: 50 },
        schema: recordListView,
      }),
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
  });

/** A search by one field (exact or by its beginning, as the schema allows), in the body. */
export const useSearchRecords = (fileId: string) =>
  useMutation({
    mutationFn: (input: { purpose: string; field: string; value: string }) =>
      api(`${file(fileId)}/records/search`, { method: 'POST', body: input, schema: recordListView }),
  });

export const useRecord = (fileId: string, recordId: string, purpose: string, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'record', fileId, recordId, purpose],
    queryFn: () => api(record(fileId, recordId), { query: { purpose }, schema: recordView }),
    enabled,
    retry: false,
    // A record's values are personal data: not kept in memory once no screen shows them.
    gcTime: 0,
  });

const revealed = z.object({ values: recordView.shape.values });

/** Unmasks fields of a record; the server logs which fields were shown, to whom, for what (A22). */
export const useReveal = (fileId: string, recordId: string) =>
  useMutation({
    mutationFn: (input: { purpose: string; fields: string[] }) =>
      api(`${record(fileId, recordId)}/reveal`, { method: 'POST', body: input, schema: revealed }),
  });

export interface RecordWrite {
  purpose: string;
  values: Record<string, unknown>;
  revision?: number;
}

/** A new record, or a change of one: the answer is the record as now seen (pending for important files). */
export function useSaveRecord(fileId: string, recordId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordWrite) =>
      recordId
        ? api(record(fileId, recordId), { method: 'PUT', body: input, schema: recordView })
        : api(`${file(fileId)}/records`, { method: 'POST', body: input, schema: recordView }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...KEY, 'records', fileId] });
      void client.invalidateQueries({ queryKey: [...KEY, 'record', fileId] });
      void client.invalidateQueries({ queryKey: [...KEY, 'changes', fileId] });
    },
  });
}

const changeList = z.object({ changes: z.array(changeView) });

export const usePendingChanges = (fileId: string, purpose: string) =>
  useQuery({
    queryKey: [...KEY, 'changes', fileId, purpose],
    queryFn: () => api(`${file(fileId)}/changes`, { query: { purpose }, schema: changeList }),
    retry: false,
    gcTime: 0,
  });

const decided = z.object({ id: z.uuid(), status: z.enum(['verified', 'rejected']) });

/** A26: the checker's verdict on an entry, after comparing it with the source document. */
export function useDecideChange(fileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      changeId: string;
      verdict: 'verify' | 'reject';
      purpose: string;
      reason: string;
    }) =>
      api(`${file(fileId)}/changes/${encodeURIComponent(input.changeId)}/${input.verdict}`, {
        method: 'POST',
        body: { purpose: input.purpose, reason: input.reason },
        schema: decided,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...KEY, 'changes', fileId] });
      void client.invalidateQueries({ queryKey: [...KEY, 'records', fileId] });
    },
  });
}

const grantList = z.object({ grants: z.array(grantView) });

export const useGrants = (fileId: string) =>
  useQuery({
    queryKey: [...KEY, 'grants', fileId],
    queryFn: () => api(`${file(fileId)}/grants`, { schema: grantList }),
    retry: false,
  });

/** Grants change who may reach the file: the grants, the file and the list of files are read again. */
function useGrantMutation<I>(call: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useGrant = (fileId: string) =>
  useGrantMutation((input: GrantInput) =>
    api(`${file(fileId)}/grants`, { method: 'POST', body: input, schema: grantView }),
  );

export const useReviewGrant = () =>
  useGrantMutation((grantId: string) =>
    api(`/api/vault/grants/${encodeURIComponent(grantId)}/review`, { method: 'POST', schema: grantView }),
  );

export const useRevokeGrant = () =>
  useGrantMutation(({ grantId, reason }: { grantId: string; reason: string }) =>
    api(`/api/vault/grants/${encodeURIComponent(grantId)}/revoke`, {
      method: 'POST',
      body: { reason },
      schema: grantView,
    }),
  );
