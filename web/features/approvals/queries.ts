import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api.ts';
import {
  approvalListView,
  approvalView,
  countsView,
  deputyView,
  notificationView,
  type DeputyInput,
} from '../../../shared/api/approvals.ts';

/**
 * Data of the approval pages (issue 7, ADR 0008): the boxes, one request, its decision, deputies
 * and the in-app notifications. Requests carry ids, dates and organisational text only, so the
 * counts in the navigation may be read again on focus and navigation.
 */
export const KEY = ['approvals'] as const;
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export type Box = 'to_decide' | 'mine' | 'decided' | 'all';

const one = (id: string) => `/api/approvals/${encodeURIComponent(id)}`;

export const useApprovalCounts = () =>
  useQuery({
    queryKey: [...KEY, 'counts'],
    queryFn: () => api('/api/approvals/counts', { schema: countsView }),
    staleTime: 0,
    refetchOnWindowFocus: true,
    retry: false,
  });

export const useApprovals = (box: Box, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'list', box],
    queryFn: () => api('/api/approvals', { query: { box, limit: 200 }, schema: approvalListView }),
    enabled,
    staleTime: 0,
  });

export const useApproval = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(one(id), { schema: approvalView }),
    staleTime: 0,
    retry: false,
  });

/**
 * After any step of a request: the answer (the request as now seen) replaces its page at once, and
 * the boxes, the counts and the notifications are read again.
 */
function useRequestStep<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (answer) => {
      const seen = approvalView.safeParse(answer);
      if (seen.success) client.setQueryData([...KEY, 'one', seen.data.id], seen.data);
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
}

export const useDecide = (id: string) =>
  useRequestStep((input: { decision: 'approve' | 'deny' | 'send_back'; comment: string; revision: number }) =>
    api(`${one(id)}/decision`, { method: 'POST', body: input, schema: approvalView }),
  );

export const useResubmit = (id: string) =>
  useRequestStep((input: { reason: string; revision: number }) =>
    api(`${one(id)}/resubmit`, { method: 'POST', body: input, schema: approvalView }),
  );

export const useWithdraw = (id: string) =>
  useRequestStep(() => api(`${one(id)}/withdraw`, { method: 'POST', schema: approvalView }));

const deputyList = z.object({ deputies: z.array(deputyView) });

export const useDeputies = () =>
  useQuery({
    queryKey: [...KEY, 'deputies'],
    queryFn: () => api('/api/approval-deputies', { schema: deputyList }),
    retry: false,
  });

export const useNameDeputy = () =>
  useRequestStep((input: DeputyInput) =>
    api('/api/approval-deputies', { method: 'POST', body: input, schema: deputyView }),
  );

export const useRevokeDeputy = () =>
  useRequestStep((id: string) =>
    api(`/api/approval-deputies/${encodeURIComponent(id)}/revoke`, { method: 'POST', schema: deputyView }),
  );

const notificationList = z.object({ notifications: z.array(notificationView) });

export const useNotifications = () =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY],
    queryFn: () => api('/api/notifications', { schema: notificationList }),
    staleTime: 0,
  });

/** Marks the given notifications (all, when null) as read. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | null) =>
      api<void>('/api/notifications/read', { method: 'POST', body: { ids } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      void client.invalidateQueries({ queryKey: [...KEY, 'counts'] });
    },
  });
}
