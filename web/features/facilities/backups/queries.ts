import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  backupRunView,
  backupStartedView,
  backupsOverview,
  restoreTestView,
} from '../../../../shared/api/facility-backups.ts';
import { api } from '../../../app/api.ts';

/** Data of the backups page (issue 11, A27): settings, runs, restore tests, and starting either. */
export const KEY = ['facility-backups'] as const;
const BASE = '/api/facilities/backups';
const enc = encodeURIComponent;
/** How often a running backup or restore test is asked about. */
const POLL_MS = 1000;

/** The overview's paging (backupsListQuery: pages from 1, 5–100 rows). */
export interface BackupsPaging {
  runsPage: number;
  testsPage: number;
  pageSize: number;
}

export const useBackups = (query: BackupsPaging, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'overview', query],
    queryFn: () => api(BASE, { query: { ...query }, schema: backupsOverview }),
    retry: false,
    enabled,
    placeholderData: (previous) => previous,
  });

/** A run being watched: asked every second until it is no longer running. */
export const useRun = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'run', id],
    queryFn: () => api(`${BASE}/runs/${enc(id ?? '')}`, { schema: backupRunView }),
    enabled: id !== null,
    retry: false,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : POLL_MS),
  });

export const useRestoreTest = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'restore-test', id],
    queryFn: () => api(`${BASE}/restore-tests/${enc(id ?? '')}`, { schema: restoreTestView }),
    enabled: id !== null,
    retry: false,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : POLL_MS),
  });

/** The システム管理者 starts a backup or a restore test now (202 with its id; A27). */
export const useStart = () => {
  const client = useQueryClient();
  const settle = () => void client.invalidateQueries({ queryKey: [...KEY, 'overview'] });
  return {
    run: useMutation({
      mutationFn: () => api(`${BASE}/runs`, { method: 'POST', schema: backupStartedView }),
      onSettled: settle,
    }),
    test: useMutation({
      mutationFn: () => api(`${BASE}/restore-tests`, { method: 'POST', schema: backupStartedView }),
      onSettled: settle,
    }),
  };
};
