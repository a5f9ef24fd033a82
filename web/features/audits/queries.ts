import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceKind } from '../../../shared/api/evidence.ts';
import {
  auditListItem,
  auditView,
  candidatesView,
  findingView,
  type AnswerInput,
  type AuditStatus,
  type AuditView,
  type EvidenceLinkInput,
  type FindingInput,
  type FindingView,
  type PlanInput,
} from '../../../shared/api/audits.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the audit pages (issue 10; A36): one hook per answer of /api/audits. A change of an audit
 * answers the whole audit, which replaces the cached one; the list is read again.
 */
export const KEY = ['audits'] as const;
const one = (id: string) => `/api/audits/${encodeURIComponent(id)}`;
const finding = (id: string, findingId: string) => `${one(id)}/findings/${encodeURIComponent(findingId)}`;

const listView = z.object({ items: z.array(auditListItem) });
const findingsView = z.object({ items: z.array(findingView) });

export const useAudits = (status: AuditStatus | undefined) =>
  useQuery({
    queryKey: [...KEY, 'list', status ?? 'all'],
    queryFn: () => api('/api/audits', { query: { status }, schema: listView }),
    staleTime: 0,
  });

export const useMyFindings = () =>
  useQuery({
    queryKey: [...KEY, 'my-findings'],
    queryFn: () => api('/api/audits/my-findings', { schema: findingsView }),
    staleTime: 0,
  });

export const useAudit = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(one(id), { schema: auditView }),
    staleTime: 0,
    retry: false,
  });

export const useFinding = (id: string, findingId: string) =>
  useQuery({
    queryKey: [...KEY, 'finding', id, findingId],
    queryFn: () => api(finding(id, findingId), { schema: findingView }),
    staleTime: 0,
    retry: false,
  });

/** The records of a kind an item may cite (A36): only those of the audit's scope and period. */
export const useCandidates = (id: string, kind: EvidenceKind | '') =>
  useQuery({
    queryKey: [...KEY, 'candidates', id, kind],
    queryFn: () => api(`${one(id)}/evidence-candidates`, { query: { kind }, schema: candidatesView }),
    enabled: kind !== '',
  });

export const useCreatePlan = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => api('/api/audits', { method: 'POST', body: input, schema: auditView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'one', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
};

/** A change of one audit: the answer replaces it in the cache; lists are read again. */
function useChange<I>(id: string, call: (input: I) => Promise<AuditView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'one', id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useUpdatePlan = (id: string) =>
  useChange(id, (input: PlanInput) => api(one(id), { method: 'PATCH', body: input, schema: auditView }));

export const useStartAudit = (id: string) =>
  useChange(id, () => api(`${one(id)}/start`, { method: 'POST', schema: auditView }));

export const useAnswer = (id: string) =>
  useChange(id, ({ itemId, ...input }: AnswerInput & { itemId: string }) =>
    api(`${one(id)}/items/${encodeURIComponent(itemId)}`, { method: 'PUT', body: input, schema: auditView }),
  );

export const useLinkEvidence = (id: string) =>
  useChange(id, ({ itemId, ...input }: EvidenceLinkInput & { itemId: string }) =>
    api(`${one(id)}/items/${encodeURIComponent(itemId)}/evidence`, {
      method: 'POST',
      body: input,
      schema: auditView,
    }),
  );

export const useUnlinkEvidence = (id: string) =>
  useChange(id, ({ itemId, evidenceId }: { itemId: string; evidenceId: string }) =>
    api(`${one(id)}/items/${encodeURIComponent(itemId)}/evidence/${encodeURIComponent(evidenceId)}`, {
      method: 'DELETE',
      schema: auditView,
    }),
  );

export const useUploadDocument = (id: string) =>
  useChange(id, ({ itemId, file }: { itemId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api(`${one(id)}/items/${encodeURIComponent(itemId)}/documents`, {
      method: 'POST',
      form,
      schema: auditView,
    });
  });

export const useReport = (id: string) =>
  useChange(id, () => api(`${one(id)}/report`, { method: 'POST', schema: auditView }));

export const useAcknowledge = (id: string) =>
  useChange(id, () => api(`${one(id)}/acknowledge`, { method: 'POST', schema: auditView }));

export const useCloseAudit = (id: string) =>
  useChange(id, () => api(`${one(id)}/close`, { method: 'POST', schema: auditView }));

/** A change of a finding answers the finding: the audit and the owner's list are read again. */
function useFindingChange<I>(id: string, call: (input: I) => Promise<FindingView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'finding', id, view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'one', id] });
      void client.invalidateQueries({ queryKey: [...KEY, 'my-findings'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useAddFinding = (id: string) =>
  useFindingChange(id, (input: FindingInput) =>
    api(`${one(id)}/findings`, { method: 'POST', body: input, schema: findingView }),
  );

export const useFindingProgress = (id: string, findingId: string) =>
  useFindingChange(id, ({ done, note }: { done: boolean; note: string }) =>
    api(`${finding(id, findingId)}/${done ? 'done' : 'progress'}`, {
      method: 'POST',
      body: { note },
      schema: findingView,
    }),
  );

export const useConfirmFinding = (id: string, findingId: string) =>
  useFindingChange(id, () =>
    api(`${finding(id, findingId)}/confirm`, { method: 'POST', schema: findingView }),
  );

/** Where the report PDF is read (once reported, for those who may). */
export const reportPdfPath = (id: string) => `${one(id)}/report.pdf`;
