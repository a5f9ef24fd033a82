import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mfaSettingsView } from '../../../shared/api/mfa.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { useRoleLabel } from '../organisation/labels.tsx';

const KEY = ['mfa', 'settings'] as const;

/** 「二要素認証の必須設定」: the roles for which a second factor is mandatory (A21; システム管理者). */
export function AdminMfaPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const roleLabel = useRoleLabel();
  const [roles, setRoles] = useState<Role[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const settings = useQuery({
    queryKey: KEY,
    queryFn: () => api('/api/mfa/settings', { schema: mfaSettingsView }),
  });
  useEffect(() => {
    if (settings.data) setRoles(settings.data.mandatoryRoles);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (mandatoryRoles: Role[]) =>
      api('/api/mfa/settings', { method: 'PUT', body: { mandatoryRoles }, schema: mfaSettingsView }),
    onSuccess: (s) => {
      setNotice(t('mfa.saved'));
      client.setQueryData(KEY, s);
    },
  });
  return (
    <Page title={t('mfa.adminTitle')}>
      <p className="mb-4 max-w-3xl">{t('mfa.adminIntro')}</p>
      <LiveRegion>
        {notice && <Alert tone="success" title={notice} />}
        {save.isError && <Alert tone="error" title={errorMessage(save.error, locale)} />}
      </LiveRegion>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <form
          className="card max-w-2xl"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            save.mutate(roles);
          }}
        >
          <fieldset>
            <legend className="label mb-2">{t('mfa.rolesLegend')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="mb-2 flex items-center gap-3">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={roles.includes(role)}
                  onChange={(e) =>
                    setRoles((r) => (e.target.checked ? [...r, role] : r.filter((x) => x !== role)))
                  }
                />
                {roleLabel(role, true)}
              </label>
            ))}
          </fieldset>
          <p className="my-4 text-sm">{t('mfa.vaultNote')}</p>
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('mfa.save')}
          </button>
        </form>
      )}
    </Page>
  );
}
