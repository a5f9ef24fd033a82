import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import {
  areaView,
  currentTerminalView,
  terminalView,
  type AreaInput,
  type TerminalRequestInput,
} from '../../../shared/api/terminals.ts';

/** Data of the terminal screens (A29, A11の2): one hook per API answer of docs/http-api.md. */

const KEY = ['terminals'] as const;

export const useCurrentTerminal = () =>
  useQuery({
    queryKey: [...KEY, 'current'],
    queryFn: () => api('/api/terminals/current', { schema: currentTerminalView }),
  });

export const useAreas = () =>
  useQuery({
    queryKey: [...KEY, 'areas'],
    queryFn: () => api('/api/terminals/areas', { schema: z.array(areaView) }),
  });

export const useMyRequests = () =>
  useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => api('/api/terminals/requests/mine', { schema: z.array(terminalView) }),
  });

export const useInbox = () =>
  useQuery({
    queryKey: [...KEY, 'inbox'],
    queryFn: () => api('/api/terminals/inbox', { schema: z.array(terminalView) }),
  });

export const useAreaTerminals = (areaId: string) =>
  useQuery({
    queryKey: [...KEY, 'area', areaId],
    queryFn: () =>
      api(`/api/terminals/areas/${encodeURIComponent(areaId)}/terminals`, { schema: z.array(terminalView) }),
  });

/** Any change: every terminal answer may differ afterwards. */
function useTerminalMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useRequestTerminal = () =>
  useTerminalMutation((body: TerminalRequestInput) =>
    api('/api/terminals/requests', { method: 'POST', body, schema: terminalView }),
  );

export const useDecide = () =>
  useTerminalMutation(
    (
      d:
        | { id: string; approve: true; addressRanges: string[] }
        | { id: string; approve: false; reason: string },
    ) =>
      api(`/api/terminals/requests/${encodeURIComponent(d.id)}/${d.approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        body: d.approve ? { addressRanges: d.addressRanges } : { reason: d.reason },
        schema: terminalView,
      }),
  );

export const useRevoke = () =>
  useTerminalMutation((d: { id: string; reason: string }) =>
    api(`/api/terminals/${encodeURIComponent(d.id)}/revoke`, {
      method: 'POST',
      body: { reason: d.reason },
      schema: terminalView,
    }),
  );

export const useCreateArea = () =>
  useTerminalMutation((body: AreaInput) =>
    api('/api/terminals/areas', { method: 'POST', body, schema: areaView }),
  );

export const useRemoveArea = () =>
  useTerminalMutation((id: string) =>
    api<void>(`/api/terminals/areas/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );

/** Address ranges typed as free text: split on spaces, commas and new lines. */
export const splitRanges = (text: string): string[] =>
  text
    .split(/[\s,、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
