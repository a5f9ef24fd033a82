import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  contractListView,
  contractView,
  type ClausesInput,
  type ContractDocumentKind,
  type ContractInput,
  type ContractListQuery,
  type ContractView,
  type ErasureInput,
  type ExceptionInput,
  type InspectionInput,
  type SubcontractInput,
  type SupervisionInput,
} from '../../../shared/api/provision-contracts.ts';
import { api } from '../../app/api.ts';
import { KEY } from './queries.ts';

/** Data of the contract pages (A19): every change answers the whole contract, which replaces the cached one. */
export const contractPath = (id: string) => `/api/provision/contracts/${encodeURIComponent(id)}`;

export const useContracts = (query: ContractListQuery) =>
  useQuery({
    queryKey: [...KEY, 'contracts', query],
    queryFn: () => api('/api/provision/contracts', { query: { ...query }, schema: contractListView }),
    placeholderData: (previous) => previous,
  });

export const useContract = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'contract', id],
    queryFn: () => api(contractPath(id), { schema: contractView }),
    retry: false,
  });

export function uploadContractDocument(id: string, kind: ContractDocumentKind, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api(`${contractPath(id)}/documents`, {
    method: 'POST',
    query: { kind },
    form,
    schema: contractView,
  });
}

/** A new contract, then its document when one is chosen. */
export const useCreateContract = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: ContractInput; file: File | null }) => {
      const view = await api('/api/provision/contracts', {
        method: 'POST',
        body: input,
        schema: contractView,
      });
      return file ? uploadContractDocument(view.id, 'contract', file) : view;
    },
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'contract', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'contracts'] });
    },
  });
};

function useChange<I>(id: string, call: (input: I) => Promise<ContractView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'contract', id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'contracts'] });
    },
  });
}

const post =
  <I>(id: string, sub: string, method: 'POST' | 'PUT' = 'POST') =>
  (input: I) =>
    api(`${contractPath(id)}/${sub}`, { method, body: input ?? {}, schema: contractView });

export const useSaveClauses = (id: string) => useChange(id, post<ClausesInput>(id, 'clauses', 'PUT'));
export const useRequestException = (id: string) => useChange(id, post<ExceptionInput>(id, 'exception'));
export const useActivate = (id: string) => useChange(id, post<undefined>(id, 'activate'));
export const useRequestSubcontract = (id: string) =>
  useChange(id, post<SubcontractInput>(id, 'subcontracts'));
export const useSubcontractStep = (id: string) =>
  useChange(id, ({ sid, step }: { sid: string; step: 'start' | 'end' }) =>
    api(`${contractPath(id)}/subcontracts/${encodeURIComponent(sid)}/${step}`, {
      method: 'POST',
      body: {},
      schema: contractView,
    }),
  );
export const useInspect = (id: string) => useChange(id, post<InspectionInput>(id, 'inspections'));
export const useImprovementDone = (id: string) =>
  useChange(id, ({ iid, rid, note }: { iid: string; rid: string; note: string }) =>
    api(
      `${contractPath(id)}/inspections/${encodeURIComponent(iid)}/requests/${encodeURIComponent(rid)}/done`,
      {
        method: 'POST',
        body: { note },
        schema: contractView,
      },
    ),
  );
export const useSupervise = (id: string) => useChange(id, post<SupervisionInput>(id, 'supervisions'));
export const useEndContract = (id: string) => useChange(id, post<{ note: string | null }>(id, 'end'));
export const useConfirmErasure = (id: string) => useChange(id, post<ErasureInput>(id, 'erasure'));
export const useCloseContract = (id: string) => useChange(id, post<undefined>(id, 'close'));
export const useUploadContractDocument = (id: string) =>
  useChange(id, ({ kind, file }: { kind: ContractDocumentKind; file: File }) =>
    uploadContractDocument(id, kind, file),
  );
