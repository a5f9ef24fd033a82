import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import {
  outOfPurposeListView,
  outOfPurposeView,
  restrictionView,
  type OutOfPurposeDoneInput,
  type OutOfPurposeInput,
  type RestrictionInput,
} from '../../../../shared/api/handling-purpose.ts';

/** Data of the pages of use and provision outside the purpose (issue 7; A17-2..4, A17の2). */
const KEY = ['outOfPurpose'] as const;
const one = (id: string) => `/api/handling/out-of-purpose/${encodeURIComponent(id)}`;

export const useOutOfPurposeList = (box: 'mine' | 'managed') =>
  useQuery({
    queryKey: [...KEY, 'list', box],
    queryFn: () => api('/api/handling/out-of-purpose', { query: { box }, schema: outOfPurposeListView }),
    retry: false,
  });

export const useOutOfPurpose = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api(one(id), { schema: outOfPurposeView }),
    retry: false,
  });

export const useRequestOutOfPurpose = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OutOfPurposeInput) =>
      api('/api/handling/out-of-purpose', { method: 'POST', body: input, schema: outOfPurposeView }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
};

export const useRecordDone = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OutOfPurposeDoneInput) =>
      api(`${one(id)}/done`, { method: 'POST', body: input, schema: outOfPurposeView }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
};

const restriction = (unitId: string) => `/api/handling/restrictions/${encodeURIComponent(unitId)}`;

export const useRestriction = (unitId: string) =>
  useQuery({
    queryKey: [...KEY, 'restriction', unitId],
    queryFn: () => api(restriction(unitId), { schema: restrictionView }),
    enabled: unitId !== '',
    retry: false,
  });

export const useSetRestriction = (unitId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RestrictionInput) =>
      api(restriction(unitId), { method: 'PUT', body: input, schema: restrictionView }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'restriction', unitId] }),
  });
};
