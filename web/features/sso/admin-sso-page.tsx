import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ssoProviderView, type SsoProviderView } from '../../../shared/api/sso.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { useUnits } from '../organisation/queries.ts';
import { SsoProviderForm, type ProviderFormValues } from './sso-provider-form.tsx';
import { useSsoProviders } from './sso-queries.ts';

const bodyOf = (v: ProviderFormValues, p: SsoProviderView | null) => {
  const kind = p?.kind ?? v.kind;
  const common = { displayName: v.displayName, enabled: v.enabled, matchBy: v.matchBy };
  const settings =
    kind === 'oidc'
      ? { issuerUrl: v.issuerUrl, clientId: v.clientId, clientSecret: v.clientSecret || null }
      : { idpSsoUrl: v.idpSsoUrl, idpCert: v.idpCert, idpEntityId: v.idpEntityId, spEntityId: v.spEntityId };
  return p ? { ...common, ...settings } : { unitId: v.unitId, kind, ...common, ...settings };
};

/** Keeps everything of a provider but its enabled flag (the secret stays as stored). */
const toggled = (p: SsoProviderView) => ({
  displayName: p.displayName,
  enabled: !p.enabled,
  matchBy: p.matchBy,
  issuerUrl: p.issuerUrl,
  clientId: p.clientId,
  idpSsoUrl: p.idpSsoUrl,
  idpCert: p.idpCert,
  idpEntityId: p.idpEntityId,
  spEntityId: p.spEntityId,
});

/** 「シングルサインオンの設定」: identity providers per unit (A21; システム管理者). */
export function AdminSsoPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const providers = useSsoProviders();
  const units = useUnits();
  const [editing, setEditing] = useState<SsoProviderView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: unknown }) =>
      api(id ? `/api/admin/sso/providers/${id}` : '/api/admin/sso/providers', {
        method: id ? 'PUT' : 'POST',
        body,
        schema: ssoProviderView,
      }),
    onSuccess: async () => {
      setNotice(t('sso.saved'));
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['sso'] });
    },
  });
  const current = editing === 'new' ? null : editing;
  return (
    <Page title={t('sso.adminTitle')} lead={<p>{t('sso.adminIntro')}</p>}>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {save.isError && editing === null && <Alert tone="error" title={errorMessage(save.error, locale)} />}
      <Section title={t('sso.listTitle')}>
        {providers.isPending ? (
          <Loading />
        ) : providers.isError ? (
          <QueryError error={providers.error} onRetry={() => void providers.refetch()} />
        ) : providers.data.length === 0 ? (
          <p>{t('sso.none')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t('sso.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sso.unit')}</th>
                  <th scope="col">{t('sso.displayName')}</th>
                  <th scope="col">{t('sso.kind')}</th>
                  <th scope="col">{t('sso.matchBy')}</th>
                  <th scope="col">{t('sso.status')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('sso.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {providers.data.map((p) => (
                  <tr key={p.id}>
                    <td>{p.unitName}</td>
                    <td>{p.displayName}</td>
                    <td>{p.kind === 'oidc' ? t('sso.kindOidc') : t('sso.kindSaml')}</td>
                    <td>{p.matchBy === 'email' ? t('sso.matchEmail') : t('sso.matchEppn')}</td>
                    <td>{p.enabled ? t('sso.enabled') : t('sso.disabled')}</td>
                    <td className="whitespace-nowrap">
                      <button
                        type="button"
                        className="btn-secondary btn-sm mr-2"
                        onClick={() => {
                          setNotice(null);
                          setEditing(p);
                        }}
                      >
                        {t('sso.edit')}
                        <span className="sr-only">: {p.displayName}</span>
                      </button>
                      <button
                        type="button"
                        className="btn-secondary btn-sm"
                        disabled={save.isPending}
                        onClick={() => save.mutate({ id: p.id, body: toggled(p) })}
                      >
                        {p.enabled ? t('sso.disable') : t('sso.enable')}
                        <span className="sr-only">: {p.displayName}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={current ? t('sso.editTitle', { name: current.displayName }) : t('sso.newTitle')}>
        {editing === null ? (
          <button type="button" className="btn-primary" onClick={() => setEditing('new')}>
            {t('sso.newTitle')}
          </button>
        ) : (
          <SsoProviderForm
            key={current?.id ?? 'new'}
            provider={current}
            units={(units.data ?? []).map((u) => ({ id: u.id, name: u.name }))}
            pending={save.isPending}
            serverError={save.error}
            onSubmit={(v) => save.mutate({ id: current?.id ?? null, body: bodyOf(v, current) })}
            onCancel={() => {
              save.reset();
              setEditing(null);
            }}
          />
        )}
      </Section>
    </Page>
  );
}
