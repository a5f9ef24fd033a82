import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SsoProviderView } from '../../../shared/api/sso.ts';
import { CheckboxField, RadioGroupField } from '../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';

export interface ProviderFormValues {
  unitId: string;
  kind: 'oidc' | 'saml';
  displayName: string;
  enabled: boolean;
  matchBy: 'email' | 'eppn';
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  idpSsoUrl: string;
  idpCert: string;
  idpEntityId: string;
  spEntityId: string;
}

const valuesOf = (p: SsoProviderView | null): ProviderFormValues => ({
  unitId: p?.unitId ?? '',
  kind: p?.kind ?? 'oidc',
  displayName: p?.displayName ?? '',
  enabled: p?.enabled ?? true,
  matchBy: p?.matchBy ?? 'email',
  issuerUrl: p?.issuerUrl ?? '',
  clientId: p?.clientId ?? '',
  clientSecret: '',
  idpSsoUrl: p?.idpSsoUrl ?? '',
  idpCert: p?.idpCert ?? '',
  idpEntityId: p?.idpEntityId ?? '',
  spEntityId: p?.spEntityId ?? `${window.location.origin}/shibboleth-sp`,
});

/** The URL an IdP is told about a provider (what the operator registers at Entra ID or GakuNin). */
export function ProviderUrls({ provider }: { provider: SsoProviderView }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const rows =
    provider.kind === 'oidc'
      ? [[t('sso.redirectUri'), `${origin}/api/auth/oidc/${provider.id}/callback`]]
      : [
          [t('sso.metadataUrl'), `${origin}/api/auth/saml/${provider.id}/metadata`],
          [t('sso.acsUrl'), `${origin}/api/auth/saml/${provider.id}/acs`],
        ];
  return (
    <dl className="mb-6">
      {rows.map(([label, url]) => (
        <div key={label} className="mb-2">
          <dt className="font-bold">{label}</dt>
          <dd className="font-mono break-all">{url}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Creating or editing a provider; the client secret is write-only (shown only as set / not set). */
export function SsoProviderForm({
  provider,
  units,
  pending,
  serverError,
  onSubmit,
  onCancel,
}: {
  provider: SsoProviderView | null;
  units: { id: string; name: string }[];
  pending: boolean;
  serverError: unknown;
  onSubmit: (values: ProviderFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ProviderFormValues>({ defaultValues: valuesOf(provider) });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const required = { required: true };
  return (
    <form noValidate className="card max-w-3xl" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <FormErrors errors={errors} serverError={serverError} submitCount={form.formState.submitCount} />
      {provider ? (
        <ProviderUrls provider={provider} />
      ) : (
        <>
          <SelectField
            label={t('sso.unit')}
            registration={form.register('unitId', required)}
            error={errors.unitId}
            placeholder={t('sso.selectUnit')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            required
          />
          <RadioGroupField
            label={t('sso.kind')}
            registration={form.register('kind')}
            options={[
              { value: 'oidc', label: t('sso.kindOidc') },
              { value: 'saml', label: t('sso.kindSaml') },
            ]}
            required
          />
        </>
      )}
      <TextField
        label={t('sso.displayName')}
        registration={form.register('displayName', required)}
        error={errors.displayName}
        required
      />
      <RadioGroupField
        label={t('sso.matchBy')}
        registration={form.register('matchBy')}
        options={[
          { value: 'email', label: t('sso.matchEmail') },
          { value: 'eppn', label: t('sso.matchEppn') },
        ]}
        required
      />
      {kind === 'oidc' ? (
        <>
          <TextField
            label={t('sso.issuerUrl')}
            registration={form.register('issuerUrl', required)}
            error={errors.issuerUrl}
            help={t('sso.issuerHelp')}
            required
          />
          <TextField
            label={t('sso.clientId')}
            registration={form.register('clientId', required)}
            error={errors.clientId}
            required
          />
          <TextField
            label={t('sso.clientSecret')}
            type="password"
            autoComplete="new-password"
            registration={form.register('clientSecret', { required: !provider?.clientSecretSet })}
            error={errors.clientSecret}
            help={provider?.clientSecretSet ? t('sso.clientSecretSet') : t('sso.clientSecretNotSet')}
            required={!provider?.clientSecretSet}
          />
        </>
      ) : (
        <>
          <TextField
            label={t('sso.idpSsoUrl')}
            registration={form.register('idpSsoUrl', required)}
            error={errors.idpSsoUrl}
            required
          />
          <TextAreaField
            label={t('sso.idpCert')}
            registration={form.register('idpCert', required)}
            error={errors.idpCert}
            required
          />
          <TextField label={t('sso.idpEntityId')} registration={form.register('idpEntityId')} />
          <TextField
            label={t('sso.spEntityId')}
            registration={form.register('spEntityId', required)}
            error={errors.spEntityId}
            required
          />
        </>
      )}
      <CheckboxField label={t('sso.enabledLabel')} registration={form.register('enabled')} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t('sso.save')}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t('sso.cancel')}
        </button>
      </div>
    </form>
  );
}
