import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  bringInListView,
  bringInView,
  deviceDetailView,
  deviceListView,
  type BringInInput,
  type CheckInInput,
  type CheckOutInput,
  type DeviceDetailView,
  type DeviceEditInput,
  type DeviceInput,
  type DeviceListQuery,
  type DisposeInput,
  type LostInput,
  type RecordTakeOutInput,
  type RemovalInput,
  type TakeOutRequestInput,
} from '../../../../shared/api/facility-devices.ts';
import { api } from '../../../app/api.ts';

/**
 * Data of the devices and media pages (issue 11; A14, A30): one hook per answer of
 * /api/facilities/devices. Every change answers the whole device, which replaces the cached one.
 */
export const DEVICES = ['facilities', 'devices'] as const;
const BASE = '/api/facilities/devices';
export const devicePath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const useDevices = (query: DeviceListQuery) =>
  useQuery({
    queryKey: [...DEVICES, 'list', query],
    queryFn: () => api(BASE, { query: { ...query }, schema: deviceListView }),
    placeholderData: (previous) => previous,
  });

export const useDevice = (id: string) =>
  useQuery({
    queryKey: [...DEVICES, 'one', id],
    queryFn: () => api(devicePath(id), { schema: deviceDetailView }),
    retry: false,
  });

export const useBringIns = () =>
  useQuery({
    queryKey: [...DEVICES, 'bring-ins'],
    queryFn: () => api(`${BASE}/bring-ins`, { schema: bringInListView }),
  });

/** After any change: the device's page takes the answer, the lists are read again. */
function useDeviceChange<I>(call: (input: I) => Promise<DeviceDetailView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([...DEVICES, 'one', view.device.id], view);
      void client.invalidateQueries({ queryKey: [...DEVICES, 'list'] });
      void client.invalidateQueries({ queryKey: ['facilities', 'hub'] });
    },
  });
}

export const useCreateDevice = () =>
  useDeviceChange((input: DeviceInput) =>
    api(BASE, { method: 'POST', body: input, schema: deviceDetailView }),
  );

export const useEditDevice = (id: string) =>
  useDeviceChange((input: DeviceEditInput) =>
    api(devicePath(id), { method: 'PATCH', body: input, schema: deviceDetailView }),
  );

const post =
  <I>(id: string, step: string) =>
  (input: I) =>
    api(`${devicePath(id)}/${step}`, { method: 'POST', body: input ?? {}, schema: deviceDetailView });

export const useCheckOut = (id: string) => useDeviceChange(post<CheckOutInput>(id, 'check-out'));
export const useCheckIn = (id: string) => useDeviceChange(post<CheckInInput>(id, 'check-in'));
/** A30-2: asks the section's 保護管理者 (the approval engine) to let the device out. */
export const useRequestTakeOut = (id: string) => useDeviceChange(post<TakeOutRequestInput>(id, 'take-outs'));
export const useRecordTakeOut = (id: string) => useDeviceChange(post<RecordTakeOutInput>(id, 'take-out'));
export const useRecordReturn = (id: string) => useDeviceChange(post<CheckInInput>(id, 'take-back'));
export const useRemoval = (id: string) => useDeviceChange(post<RemovalInput>(id, 'removal'));
/** A34: loss or theft; the answer names the incident opened for it. */
export const useReportLost = (id: string) => useDeviceChange(post<LostInput>(id, 'lost'));
export const useDispose = (id: string) => useDeviceChange(post<DisposeInput>(id, 'dispose'));

/** A30-2: a request to bring an outside device in. */
export const useRequestBringIn = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BringInInput) =>
      api(`${BASE}/bring-ins`, { method: 'POST', body: input, schema: bringInView }),
    onSuccess: () => void client.invalidateQueries({ queryKey: DEVICES }),
  });
};
