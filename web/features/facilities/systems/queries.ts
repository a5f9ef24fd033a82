import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  designDocumentView,
  documentHistoryView,
  documentListView,
  systemListView,
  systemOptionsView,
  systemView,
  type DesignDocumentKind,
  type DocumentDisposeInput,
  type MeasureCheckInput,
  type SystemInput,
  type SystemListQuery,
  type SystemUpdateInput,
  type SystemView,
} from '../../../../shared/api/facility-systems.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the information systems pages (issue 11; A23, A24, A28): one hook per answer of
 * /api/facilities/systems. Design documents are asked for only where the system's `can.documents`
 * says the reader may list them (A28).
 */
export const SYSTEMS = ['facilities', 'systems'] as const;
const BASE = '/api/facilities/systems';
export const systemPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const documentPath = (id: string, documentId: string) =>
  `${systemPath(id)}/documents/${encodeURIComponent(documentId)}`;

export const useSystems = (query: SystemListQuery) =>
  useQuery({
    queryKey: [...SYSTEMS, 'list', query],
    queryFn: () => api(BASE, { query: { ...query }, schema: systemListView }),
    placeholderData: (previous) => previous,
  });

export const useSystemOptions = () =>
  useQuery({
    queryKey: [...SYSTEMS, 'options'],
    queryFn: () => api(`${BASE}/options`, { schema: systemOptionsView }),
  });

export const useSystem = (id: string) =>
  useQuery({
    queryKey: [...SYSTEMS, 'one', id],
    queryFn: () => api(systemPath(id), { schema: systemView }),
    retry: false,
  });

export const useDocuments = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...SYSTEMS, 'documents', id],
    queryFn: () => api(`${systemPath(id)}/documents`, { schema: documentListView }),
    retry: false,
    enabled,
  });

/** A28: who downloaded a document, and when (read each time the history is opened). */
export const useDocumentHistory = (id: string, documentId: string) =>
  useQuery({
    queryKey: [...SYSTEMS, 'documents', id, documentId, 'downloads'],
    queryFn: () => api(`${documentPath(id, documentId)}/downloads`, { schema: documentHistoryView }),
    retry: false,
    staleTime: 0,
  });

/** A system saved or checked: its page takes the answer, the lists are read again. */
function useSystemChange<I>(call: (input: I) => Promise<SystemView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...SYSTEMS, 'one', view.id], view);
      void client.invalidateQueries({ queryKey: [...SYSTEMS, 'list'] });
      void client.invalidateQueries({ queryKey: ['facilities', 'hub'] });
    },
  });
}

export const useCreateSystem = () =>
  useSystemChange((input: SystemInput) => api(BASE, { method: 'POST', body: input, schema: systemView }));

export const useUpdateSystem = (id: string) =>
  useSystemChange((input: SystemUpdateInput) =>
    api(systemPath(id), { method: 'PUT', body: input, schema: systemView }),
  );

/** A23, A24: a check of one safeguard. */
export const useRecordCheck = (id: string) =>
  useSystemChange(({ measureId, input }: { measureId: string; input: MeasureCheckInput }) =>
    api(`${systemPath(id)}/measures/${encodeURIComponent(measureId)}/checks`, {
      method: 'POST',
      body: input,
      schema: systemView,
    }),
  );

function useDocumentChange<I>(id: string, call: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: [...SYSTEMS, 'documents', id] }),
  });
}

/** A28: a design document kept (multipart: "kind", "title", then "file"). */
export const useUploadDocument = (id: string) =>
  useDocumentChange(id, ({ kind, title, file }: { kind: DesignDocumentKind; title: string; file: File }) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('title', title);
    form.append('file', file);
    return api(`${systemPath(id)}/documents`, { method: 'POST', form, schema: designDocumentView });
  });

/** A28 廃棄: the file is deleted, the record stays. */
export const useDisposeDocument = (id: string) =>
  useDocumentChange(id, ({ documentId, input }: { documentId: string; input: DocumentDisposeInput }) =>
    api(`${documentPath(id, documentId)}/dispose`, {
      method: 'POST',
      body: input,
      schema: designDocumentView,
    }),
  );
