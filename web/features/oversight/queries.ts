import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  committeeView,
  guidanceView,
  historicalView,
  localRuleView,
  meetingView,
  oversightHubView,
  type GuidanceInput,
  type HeldInput,
  type HistoricalInput,
  type HistoricalListQuery,
  type LocalRuleInput,
  type LocalRuleListQuery,
  type LocalRuleUpdate,
  type MeetingInput,
} from '../../../shared/api/oversight.ts';
import { fileListView } from '../../../shared/api/register.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the oversight pages (issue 10): the hub, the committee (A9), guidance from ministries
 * (A39), supplementary rules (A40) and historical materials (A41). Inspections and evaluation
 * (A37, A38) have their own hooks in ./reviews.
 */
export const KEY = ['oversight'] as const;
const enc = encodeURIComponent;
export const meetingPath = (id: string) => `/api/oversight/committee/meetings/${enc(id)}`;
export const guidancePath = (id: string) => `/api/oversight/guidance/${enc(id)}`;
export const localRulePath = (id: string) => `/api/oversight/local-rules/${enc(id)}`;

export const guidanceListView = z.object({ guidance: z.array(guidanceView), canEdit: z.boolean() });
export const localRuleListView = z.object({
  rules: z.array(localRuleView),
  canEdit: z.object({ organisation: z.boolean(), unitIds: z.array(z.string()) }),
});
export const historicalListView = z.object({
  files: z.array(historicalView),
  canMarkSectionIds: z.array(z.string()),
});

/** One multipart field "file" (the contract's uploads). */
function upload<T>(path: string, file: File, schema: z.ZodType<T>) {
  const form = new FormData();
  form.append('file', file);
  return api(path, { method: 'POST', form, schema });
}

export const useHub = () =>
  useQuery({
    queryKey: [...KEY, 'hub'],
    queryFn: () => api('/api/oversight', { schema: oversightHubView }),
    retry: false,
  });

// ── committee (A9) ──

export const useCommittee = (enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'committee'],
    queryFn: () => api('/api/oversight/committee', { schema: committeeView }),
    retry: false,
    enabled,
  });

export const useMeeting = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'meeting', id],
    queryFn: () => api(meetingPath(id), { schema: meetingView }),
    retry: false,
  });

/** A meeting scheduled (members are told: committee.meeting). */
export const useCreateMeeting = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) =>
      api('/api/oversight/committee/meetings', { method: 'POST', body: input, schema: meetingView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'meeting', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'committee'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'hub'] });
    },
  });
};

/** Changes to a meeting: its plan (scheduled only), held with decisions and minutes, the minutes' document. */
export const useMeetingChanges = (id: string) => {
  const client = useQueryClient();
  const done = (view: z.infer<typeof meetingView>) => {
    client.setQueryData([...KEY, 'meeting', id], view);
    void client.invalidateQueries({ queryKey: [...KEY, 'committee'] });
    void client.invalidateQueries({ queryKey: [...KEY, 'hub'] });
  };
  return {
    update: useMutation({
      mutationFn: (input: MeetingInput) =>
        api(meetingPath(id), { method: 'PUT', body: input, schema: meetingView }),
      onSuccess: done,
    }),
    /** Held with decisions and minutes, then the minutes' document when one is chosen. */
    hold: useMutation({
      mutationFn: async ({ input, file }: { input: HeldInput; file: File | null }) => {
        const view = await api(`${meetingPath(id)}/held`, {
          method: 'POST',
          body: input,
          schema: meetingView,
        });
        return file ? upload(`${meetingPath(id)}/document`, file, meetingView) : view;
      },
      onSuccess: done,
      // Held but the document refused: the page shows the meeting as held, with the upload form.
      onError: () => void client.invalidateQueries({ queryKey: [...KEY, 'meeting', id] }),
    }),
    upload: useMutation({
      mutationFn: (file: File) => upload(`${meetingPath(id)}/document`, file, meetingView),
      onSuccess: done,
    }),
  };
};

// ── guidance (A39) ──

export const useGuidanceList = (enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'guidance'],
    queryFn: () => api('/api/oversight/guidance', { schema: guidanceListView }),
    retry: false,
    enabled,
  });

export const useGuidance = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'guidance', id],
    queryFn: () => api(guidancePath(id), { schema: guidanceView }),
    retry: false,
  });

/** Records guidance (new when `id` is null), then its document when one is chosen. */
export const useSaveGuidance = (id: string | null) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: GuidanceInput; file: File | null }) => {
      let view = id
        ? await api(guidancePath(id), { method: 'PUT', body: input, schema: guidanceView })
        : await api('/api/oversight/guidance', { method: 'POST', body: input, schema: guidanceView });
      if (file) view = await upload(`${guidancePath(view.id)}/document`, file, guidanceView);
      return view;
    },
    onSuccess: (view) => client.setQueryData([...KEY, 'guidance', view.id], view),
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'guidance'], exact: true }),
  });
};

// ── supplementary rules (A40) ──

export const useLocalRules = (query: LocalRuleListQuery = {}, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'local-rules', query],
    queryFn: () => api('/api/oversight/local-rules', { query: { ...query }, schema: localRuleListView }),
    retry: false,
    enabled,
    placeholderData: (previous) => previous,
  });

export const useLocalRule = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'local-rule', id],
    queryFn: () => api(localRulePath(id), { schema: localRuleView }),
    retry: false,
  });

/** A rule attached: its record, then its document (the PDF of the rule). */
export const useCreateLocalRule = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: LocalRuleInput; file: File | null }) => {
      const view = await api('/api/oversight/local-rules', {
        method: 'POST',
        body: input,
        schema: localRuleView,
      });
      return file ? upload(`${localRulePath(view.id)}/document`, file, localRuleView) : view;
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: [...KEY, 'local-rules'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'local-rule'] });
    },
  });
};

export const useUpdateLocalRule = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: LocalRuleUpdate; file: File | null }) => {
      const view = await api(localRulePath(id), { method: 'PUT', body: input, schema: localRuleView });
      return file ? upload(`${localRulePath(id)}/document`, file, localRuleView) : view;
    },
    onSuccess: (view) => client.setQueryData([...KEY, 'local-rule', id], view),
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'local-rules'] }),
  });
};

// ── historical materials (A41) ──

export const useHistorical = (query: HistoricalListQuery = {}, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'historical', query],
    queryFn: () => api('/api/oversight/historical', { query: { ...query }, schema: historicalListView }),
    retry: false,
    enabled,
    placeholderData: (previous) => previous,
  });

export const useMarkHistorical = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HistoricalInput) =>
      api('/api/oversight/historical', { method: 'POST', body: input, schema: historicalView }),
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'historical'] }),
  });
};

export const useUnmarkHistorical = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api(`/api/oversight/historical/${enc(id)}/unmark`, {
        method: 'POST',
        body: { reason },
        schema: historicalView,
      }),
    onSettled: () => void client.invalidateQueries({ queryKey: [...KEY, 'historical'] }),
  });
};

/** The register's files the caller reads (A20), offered when marking historical material (A41). */
export const useRegisterFiles = (enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'register-files'],
    queryFn: () => api('/api/register/files', { schema: fileListView }),
    retry: false,
    enabled,
  });
