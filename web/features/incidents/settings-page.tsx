import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IncidentSettings } from '../../../shared/api/incidents.ts';
import { ApiError } from '../../app/api.ts';
import { Alert } from '../../ui/alert.tsx';
import { TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Saved } from './form-bits.tsx';
import { useIncidentSettings, useIncidents, useSaveSettings } from './queries.ts';

const KEYS = [
  'preliminaryDays',
  'finalDays',
  'finalDaysWrongful',
  'personsThreshold',
  'reminderDays',
  'internalHours',
] as const;
type Values = Record<(typeof KEYS)[number], string>;

function SettingsForm({ settings, editable }: { settings: IncidentSettings; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const form = useForm<Values>({
    defaultValues: Object.fromEntries(KEYS.map((k) => [k, String(settings[k])])) as Values,
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const forbidden = save.error instanceof ApiError && save.error.status === 403;
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync(Object.fromEntries(KEYS.map((k) => [k, Number(v[k])])) as IncidentSettings)
      .catch(() => undefined),
  );
  const readOnly = !editable || forbidden;
  return (
    <>
      {readOnly && <Alert tone="info" title={t('incidents.settings.readOnly')} />}
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <form noValidate className="max-w-xl" onSubmit={(e) => void submit(e)}>
        <div>
          {KEYS.map((k) => (
            <TextField
              key={k}
              label={t(`incidents.settings.${k}`)}
              help={t(`incidents.settings.help.${k}`)}
              type="number"
              inputMode="numeric"
              readOnly={readOnly}
              registration={form.register(k, {
                validate: (v) => /^\d{1,7}$/.test(v.trim()) || t('validation.format'),
              })}
              error={errors[k]}
              required={!readOnly}
            />
          ))}
        </div>
        {!readOnly && (
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('incidents.settings.submit')}
          </button>
        )}
      </form>
    </>
  );
}

/** /incidents/settings: the deadlines (issue 8 "all configurable"), changed by the 総括管理者 or システム管理者. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useIncidentSettings();
  const list = useIncidents('open');
  const title = t('incidents.settings.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('incidents.board.title'), to: '/incidents' }, { label: title }]}
      lead={<p>{t('incidents.settings.lead')}</p>}
    >
      <QueryState query={settings}>
        {(s) => (
          <SettingsForm
            settings={s}
            editable={list.data?.canConfigure ?? false}
            key={String(list.data?.canConfigure)}
          />
        )}
      </QueryState>
    </Page>
  );
}
