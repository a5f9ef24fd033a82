import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  evaluationSummary,
  evaluationView,
  inspectionSummary,
  inspectionView,
  ownerOption,
  scheduleView,
  type ActionInput,
  type CompleteInput,
  type EvaluationCreateInput,
  type EvaluationView,
  type InspectionInput,
  type InspectionListQuery,
  type InspectionView,
} from '../../../../shared/api/oversight.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the inspection (A37) and evaluation (A38) pages: one hook per answer of
 * /api/oversight/inspections and /api/oversight/evaluations. A change answers the whole record,
 * which replaces the cached one; lists are read again.
 */
export const KEY = ['reviews'] as const;
const INSPECTIONS = '/api/oversight/inspections';
const EVALUATIONS = '/api/oversight/evaluations';
const inspection = (id: string) => `${INSPECTIONS}/${encodeURIComponent(id)}`;
const evaluation = (id: string) => `${EVALUATIONS}/${encodeURIComponent(id)}`;

const scheduleList = z.object({ schedules: z.array(scheduleView) });
const inspectionList = z.object({ inspections: z.array(inspectionSummary) });
const evaluationList = z.object({
  evaluations: z.array(evaluationSummary),
  canCreate: z.object({ organisation: z.boolean(), unitIds: z.array(z.string()) }),
});
const ownerList = z.object({ people: z.array(ownerOption) });

export const useSchedules = () =>
  useQuery({
    queryKey: [...KEY, 'schedules'],
    queryFn: () => api(`${INSPECTIONS}/schedules`, { schema: scheduleList }),
    staleTime: 0,
  });

export const useInspections = (query: { status: NonNullable<InspectionListQuery['status']> }) =>
  useQuery({
    queryKey: [...KEY, 'inspections', query],
    queryFn: () => api(INSPECTIONS, { query: { ...query }, schema: inspectionList }),
    staleTime: 0,
  });

export const useInspection = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'inspection', id],
    queryFn: () => api(inspection(id), { schema: inspectionView }),
    staleTime: 0,
    retry: false,
  });

export const useSetSchedule = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sectionId, intervalMonths }: { sectionId: string; intervalMonths: number }) =>
      api(`${INSPECTIONS}/schedules/${encodeURIComponent(sectionId)}`, {
        method: 'PUT',
        body: { intervalMonths },
        schema: scheduleView,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'schedules'] }),
  });
};

/** After any change of inspections: the schedules, the lists and the evaluations' inputs are read again. */
function useInspectionChange<I>(call: (input: I) => Promise<InspectionView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'inspection', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'inspections'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'schedules'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'evaluation'] });
    },
  });
}

export const useCreateInspection = () =>
  useInspectionChange((input: InspectionInput) =>
    api(INSPECTIONS, { method: 'POST', body: input, schema: inspectionView }),
  );
export const useUpdateInspection = (id: string) =>
  useInspectionChange((input: InspectionInput) =>
    api(inspection(id), { method: 'PUT', body: input, schema: inspectionView }),
  );
export const useCompleteInspection = (id: string) =>
  useInspectionChange((input: CompleteInput) =>
    api(`${inspection(id)}/complete`, { method: 'POST', body: input, schema: inspectionView }),
  );
export const useReportInspection = (id: string) =>
  useInspectionChange(() => api(`${inspection(id)}/report`, { method: 'POST', schema: inspectionView }));
export const useAcknowledgeInspection = (id: string) =>
  useInspectionChange(() => api(`${inspection(id)}/acknowledge`, { method: 'POST', schema: inspectionView }));

export const useEvaluations = () =>
  useQuery({
    queryKey: [...KEY, 'evaluations'],
    queryFn: () => api(EVALUATIONS, { schema: evaluationList }),
    staleTime: 0,
  });

export const useEvaluation = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'evaluation', id],
    queryFn: () => api(evaluation(id), { schema: evaluationView }),
    staleTime: 0,
    retry: false,
  });

export const useOwners = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'owners'],
    queryFn: () => api(`${EVALUATIONS}/owners`, { schema: ownerList }),
    enabled,
  });

function useEvaluationChange<I>(call: (input: I) => Promise<EvaluationView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'evaluation', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'evaluations'] });
    },
  });
}

export const useCreateEvaluation = () =>
  useEvaluationChange((input: EvaluationCreateInput) =>
    api(EVALUATIONS, { method: 'POST', body: input, schema: evaluationView }),
  );
export const useSaveAssessment = (id: string) =>
  useEvaluationChange((assessment: string | null) =>
    api(evaluation(id), { method: 'PUT', body: { assessment }, schema: evaluationView }),
  );
export const useAddAction = (id: string) =>
  useEvaluationChange((input: ActionInput) =>
    api(`${evaluation(id)}/actions`, { method: 'POST', body: input, schema: evaluationView }),
  );
export const useRemoveAction = (id: string) =>
  useEvaluationChange((actionId: string) =>
    api(`${evaluation(id)}/actions/${encodeURIComponent(actionId)}`, {
      method: 'DELETE',
      schema: evaluationView,
    }),
  );
export const useDecide = (id: string) =>
  useEvaluationChange(() => api(`${evaluation(id)}/decide`, { method: 'POST', schema: evaluationView }));
export const useActionDone = (id: string) =>
  useEvaluationChange(({ actionId, note }: { actionId: string; note: string }) =>
    api(`${evaluation(id)}/actions/${encodeURIComponent(actionId)}/done`, {
      method: 'POST',
      body: { note },
      schema: evaluationView,
    }),
  );
