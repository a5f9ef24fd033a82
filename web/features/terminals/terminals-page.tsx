import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  terminalRequestInput,
  type AreaView,
  type TerminalRequestInput,
} from '../../../shared/api/terminals.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { useAreas, useCurrentTerminal, useMyRequests, useRequestTerminal } from './queries.ts';
import { StatusBadge, ThisTerminal } from './terminal-status.tsx';

const FIELDS = ['areaId', 'label', 'reason'] as const;

function RequestForm({ areas, onDone }: { areas: AreaView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const send = useRequestTerminal();
  const form = useForm<TerminalRequestInput>({
    resolver: zodResolver(terminalRequestInput),
    defaultValues: { areaId: '', label: '', reason: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const labels = {
    areaId: t('terminal.page.area'),
    label: t('terminal.page.label'),
    reason: t('terminal.page.reason'),
  };
  const submit = form.handleSubmit(
    (v) =>
      send.mutate(v, {
        onSuccess: () => {
          form.reset();
          onDone();
        },
        onError: (e) => applyServerErrors(e, FIELDS, form.setError, { 'terminal.area_not_found': 'areaId' }),
      }),
    () => send.reset(),
  );
  if (areas.length === 0) return <Alert tone="info" title={t('terminal.page.noAreas')} />;
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={send.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="card max-w-3xl">
        <SelectField
          label={labels.areaId}
          help={t('terminal.page.areaHelp')}
          registration={form.register('areaId')}
          error={errors.areaId}
          placeholder={t('terminal.page.chooseArea')}
          options={areas.map((a) => ({
            value: a.id,
            label: `${a.name}（${t(`terminal.kind.${a.kind}`)}）`,
          }))}
          required
        />
        <TextField
          label={labels.label}
          help={t('terminal.page.labelHelp')}
          registration={form.register('label')}
          error={errors.label}
          autoComplete="off"
          required
        />
        <TextAreaField
          label={labels.reason}
          help={t('terminal.page.reasonHelp')}
          registration={form.register('reason')}
          error={errors.reason}
          required
        />
        <button type="submit" className="btn-primary" disabled={send.isPending}>
          {t('terminal.page.submit')}
        </button>
      </form>
    </>
  );
}

/** /terminals: this browser as a terminal (A29), the request form, and one's own requests. */
export function TerminalsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const [notice, setNotice] = useState<string | null>(null);
  const current = useCurrentTerminal();
  const areas = useAreas();
  const mine = useMyRequests();
  const canAsk = current.data && !['approved', 'pending'].includes(current.data.state);
  return (
    <Page title={t('terminal.page.title')} lead={<p>{t('terminal.page.intro')}</p>}>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      <Section title={t('terminal.page.thisTerminal')}>
        {current.isPending ? (
          <Loading />
        ) : current.isError ? (
          <QueryError error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <ThisTerminal current={current.data} />
        )}
      </Section>
      {canAsk && (
        <Section title={t('terminal.page.requestTitle')}>
          {areas.isPending ? (
            <Loading />
          ) : areas.isError ? (
            <QueryError error={areas.error} onRetry={() => void areas.refetch()} />
          ) : (
            <RequestForm areas={areas.data} onDone={() => setNotice(t('terminal.page.requested'))} />
          )}
        </Section>
      )}
      <Section title={t('terminal.page.mineTitle')}>
        {mine.isPending ? (
          <Loading />
        ) : mine.isError ? (
          <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.length === 0 ? (
          <p>{t('terminal.page.noRequests')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t('terminal.page.mineTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('terminal.page.requestedAt')}</th>
                  <th scope="col">{t('terminal.page.area')}</th>
                  <th scope="col">{t('terminal.page.label')}</th>
                  <th scope="col">{t('terminal.page.status')}</th>
                  <th scope="col">{t('terminal.page.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.data.map((r) => (
                  <tr key={r.id}>
                    <td>{dates.dateTime(r.requestedAt)}</td>
                    <td>{r.areaName}</td>
                    <td>{r.label}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>{r.revokeReason ?? r.decisionReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </Page>
  );
}
