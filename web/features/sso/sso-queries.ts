import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ssoProviderView, ssoPublicProvider } from '../../../shared/api/sso.ts';
import { api } from '../../app/api.ts';

/** Data of the single sign-on screens (issue 3, A21). */
export const SSO_ADMIN_KEY = ['sso', 'providers'] as const;

/** The enabled providers, for the login page. */
export function useSsoPublicProviders() {
  return useQuery({
    queryKey: ['sso', 'public'],
    queryFn: () => api('/api/auth/sso/providers', { schema: z.array(ssoPublicProvider) }),
    staleTime: 60_000,
  });
}

/** Every provider, for the システム管理者. */
export function useSsoProviders() {
  return useQuery({
    queryKey: SSO_ADMIN_KEY,
    queryFn: () => api('/api/admin/sso/providers', { schema: z.array(ssoProviderView) }),
  });
}
