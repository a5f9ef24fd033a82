import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  mediumListView,
  mediumView,
  movementFormView,
  movementListView,
  movementView,
  type MediumInput,
  type MovementInput,
  type MovementKind,
} from '../../../../shared/api/handling-movements.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the register of media (A14) and of movements (A12(2), A12(3)): one hook per answer of
 * /api/handling/media and /api/handling/movements. Nothing here is personal data (labels, places,
 * organisations, counts), but lists are still read only when a screen asks.
 */
const MEDIA = ['handling', 'media'] as const;
const MOVES = ['handling', 'movements'] as const;

export const useMedia = () =>
  useQuery({ queryKey: [...MEDIA], queryFn: () => api('/api/handling/media', { schema: mediumListView }) });

export type MovementBox = 'mine' | 'section' | 'overdue' | 'all';
export const useMovements = (box: MovementBox) =>
  useQuery({
    queryKey: [...MOVES, box],
    queryFn: () => api('/api/handling/movements', { query: { box }, schema: movementListView }),
  });

export const useMovementForm = (fileId: string, kind: MovementKind | null) =>
  useQuery({
    queryKey: [...MOVES, 'form', fileId, kind],
    queryFn: () => api('/api/handling/movements/form', { query: { fileId, kind }, schema: movementFormView }),
    enabled: fileId !== '' && kind !== null,
    retry: false,
  });

/** Any change of a medium or a movement: both lists are read again. */
function useChange<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: MEDIA });
      void client.invalidateQueries({ queryKey: MOVES });
    },
  });
}

export const useRegisterMedium = () =>
  useChange((input: MediumInput) =>
    api('/api/handling/media', { method: 'POST', body: input, schema: mediumView }),
  );

export const useMoveMedium = () =>
  useChange(({ id, storagePlace, reason }: { id: string; storagePlace: string; reason: string }) =>
    api(`/api/handling/media/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: { storagePlace, reason },
      schema: mediumView,
    }),
  );

/** Asks for approval (`request`), or records an act that needs none at once (`record`). */
export const useSubmitMovement = () =>
  useChange(({ mode, input }: { mode: 'request' | 'record'; input: MovementInput }) =>
    api(mode === 'request' ? '/api/handling/movements/requests' : '/api/handling/movements', {
      method: 'POST',
      body: input,
      schema: movementView,
    }),
  );

export const useCarryOut = () =>
  useChange((id: string) =>
    api(`/api/handling/movements/${encodeURIComponent(id)}/out`, { method: 'POST', schema: movementView }),
  );

export const useReturn = () =>
  useChange(({ id, storagePlace }: { id: string; storagePlace: string }) =>
    api(`/api/handling/movements/${encodeURIComponent(id)}/return`, {
      method: 'POST',
      body: { storagePlace },
      schema: movementView,
    }),
  );
