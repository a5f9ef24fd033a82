import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  provisionListView,
  provisionView,
  type ActInput,
  type AgreementInput,
  type CheckInput,
  type ImprovementDoneInput,
  type ImprovementInput,
  type MeasuresInput,
  type ProvisionInput,
  type ProvisionView,
  type provisionListQuery,
} from '../../../shared/api/provision-provisions.ts';
import { api } from '../../app/api.ts';
import { KEY } from './queries.ts';

/** Data of the provision pages (A17-2, A18): every change answers the whole provision. */
export const provisionPath = (id: string) => `/api/provision/provisions/${encodeURIComponent(id)}`;

export const useProvisions = (query: z.input<typeof provisionListQuery>) =>
  useQuery({
    queryKey: [...KEY, 'provisions', query],
    queryFn: () => api('/api/provision/provisions', { query: { ...query }, schema: provisionListView }),
    placeholderData: (previous) => previous,
  });

export const useProvision = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'provision', id],
    queryFn: () => api(provisionPath(id), { schema: provisionView }),
    retry: false,
  });

export function uploadAgreement(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api(`${provisionPath(id)}/agreement/document`, { method: 'POST', form, schema: provisionView });
}

/**
 * A new provision; for a recipient outside public bodies (A18-1) its written agreement and document,
 * and the safety measures asked of it (A18-2), each saved in turn on the provision just created.
 */
export const useCreateProvision = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: {
      input: ProvisionInput;
      agreement: AgreementInput | null;
      file: File | null;
      measures: MeasuresInput | null;
    }) => {
      let view = await api('/api/provision/provisions', {
        method: 'POST',
        body: v.input,
        schema: provisionView,
      });
      const at = provisionPath(view.id);
      // The provision exists now: a refused later step leaves it as a draft, to be completed on its page.
      try {
        if (v.agreement)
          view = await api(`${at}/agreement`, { method: 'PUT', body: v.agreement, schema: provisionView });
        if (v.file) view = await uploadAgreement(view.id, v.file);
        if (v.measures)
          view = await api(`${at}/measures`, { method: 'PUT', body: v.measures, schema: provisionView });
        return { view, complete: true };
      } catch {
        return { view, complete: false };
      }
    },
    onSuccess: ({ view }) => {
      client.setQueryData([...KEY, 'provision', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'provisions'] });
    },
  });
};

function useChange<I>(id: string, call: (input: I) => Promise<ProvisionView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'provision', id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'provisions'] });
    },
  });
}

const send =
  <I>(id: string, sub: string, method: 'POST' | 'PUT' = 'POST') =>
  (input: I) =>
    api(`${provisionPath(id)}/${sub}`, { method, body: input, schema: provisionView });

export const useSaveAgreement = (id: string) => useChange(id, send<AgreementInput>(id, 'agreement', 'PUT'));
export const useUploadAgreement = (id: string) => useChange(id, (file: File) => uploadAgreement(id, file));
export const useSaveMeasures = (id: string) => useChange(id, send<MeasuresInput>(id, 'measures', 'PUT'));
export const useRecordProvisionCheck = (id: string) => useChange(id, send<CheckInput>(id, 'checks'));
export const useRequestImprovement = (id: string) =>
  useChange(id, send<ImprovementInput>(id, 'improvements'));
export const useImprovementDone = (id: string) =>
  useChange(id, ({ improvementId, ...input }: ImprovementDoneInput & { improvementId: string }) =>
    api(`${provisionPath(id)}/improvements/${encodeURIComponent(improvementId)}/done`, {
      method: 'POST',
      body: input,
      schema: provisionView,
    }),
  );
export const useSubmitProvision = (id: string) => useChange(id, send<{ reason: string }>(id, 'submit'));
export const useRecordAct = (id: string) => useChange(id, send<ActInput>(id, 'acts'));
export const useCloseProvision = (id: string) => useChange(id, send<{ reason: string }>(id, 'close'));
