import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutOfPurposeView } from '../../../../shared/api/handling-purpose.ts';
import { useDates } from '../../../app/preferences.tsx';
import { TIME_ZONE } from '../../../ui/format-date.ts';
import { TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useOutOfPurpose, useRecordDone } from './queries.ts';

/** A17-2, A16: once approved, the requester records what was used or provided; the request ends. */
function DoneForm({ r }: { r: OutOfPurposeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const done = useRecordDone(r.id);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const form = useForm<{ records: string; recipient: string; doneOn: string }>({
    defaultValues: {
      records: r.recordCount ? String(r.recordCount) : '',
      recipient: r.recipient,
      doneOn: today,
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const ok = await done
      .mutateAsync({ records: Number(v.records), recipient: v.recipient, doneOn: v.doneOn })
      .catch(() => null);
    if (ok)
      void navigate(`/handling/out-of-purpose/${r.id}`, {
        replace: true,
        state: { notice: 'outOfPurpose.done.saved' },
      });
  });
  return (
    <Section title={t('outOfPurpose.done.title')}>
      <p className="mb-4 max-w-3xl">{t('outOfPurpose.done.lead')}</p>
      <FormErrors errors={errors} serverError={done.error} submitCount={submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-xl">
        <TextField
          label={t('outOfPurpose.done.records')}
          inputMode="numeric"
          registration={form.register('records', {
            required: 'i18n:outOfPurpose.done.recordsRequired',
            pattern: { value: /^\d+$/, message: 'i18n:outOfPurpose.done.recordsRequired' },
          })}
          error={errors.records}
          required
        />
        {r.mode === 'provide' && (
          <TextField
            label={t('outOfPurpose.request.recipient')}
            help={t('outOfPurpose.request.recipientHelp')}
            registration={form.register('recipient')}
          />
        )}
        <TextField
          label={t('outOfPurpose.done.doneOn')}
          type="date"
          registration={form.register('doneOn', { required: 'i18n:outOfPurpose.done.doneOnRequired' })}
          error={errors.doneOn}
          required
        />
        <button type="submit" className="btn-primary mt-4" disabled={done.isPending}>
          {t('outOfPurpose.done.submit')}
        </button>
      </form>
    </Section>
  );
}

function Body({ r }: { r: OutOfPurposeView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const rows: [string, ReactNode][] = [
    [t('outOfPurpose.statusLabel'), t(`outOfPurpose.status.${r.status}`, { defaultValue: r.status })],
    [
      t('outOfPurpose.number'),
      <Link key="n" to={`/approvals/${r.id}`}>
        {r.number}
      </Link>,
    ],
    [t('outOfPurpose.file'), r.fileName],
    [
      t('outOfPurpose.records'),
      r.recordCount === null
        ? t('outOfPurpose.request.allRecords')
        : t('outOfPurpose.request.someRecords', { count: r.recordCount }),
    ],
    [t('outOfPurpose.modeLabel'), t(`outOfPurpose.mode.${r.mode}`)],
    ...(r.mode === 'provide'
      ? ([[t('outOfPurpose.request.recipient'), r.recipient]] as [string, ReactNode][])
      : []),
    [t('outOfPurpose.request.purpose'), r.purpose],
    [t('outOfPurpose.groundLabel'), t(`outOfPurpose.ground.${r.ground}`)],
    [t('outOfPurpose.request.harm'), r.harmStatement],
    ...(r.myNumberFile
      ? ([
          [
            t('outOfPurpose.request.myNumberUse'),
            r.myNumberUse ? t(`outOfPurpose.myNumberUse.${r.myNumberUse}`) : '—',
          ],
        ] as [string, ReactNode][])
      : []),
    [t('outOfPurpose.requestedBy'), `${r.requestedByName}（${dates.dateTime(r.requestedAt)}）`],
    [
      t('outOfPurpose.decision'),
      r.decidedByName ? `${r.decidedByName}${r.decisionComment ? `：${r.decisionComment}` : ''}` : '—',
    ],
    [t('outOfPurpose.doneAt'), r.doneAt ? dates.dateTime(r.doneAt) : '—'],
  ];
  return (
    <>
      <dl className="grid max-w-4xl border-t border-line-soft sm:grid-cols-[14rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="border-line-soft pt-3 font-bold sm:border-b sm:py-3 sm:pr-6">{k}</dt>
            <dd className="border-b border-line-soft pt-1 pb-3 whitespace-pre-line sm:py-3">{v}</dd>
          </div>
        ))}
      </dl>
      {r.canRecordDone && <DoneForm r={r} />}
    </>
  );
}

export function OutOfPurposePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const r = useOutOfPurpose(id);
  return (
    <Page
      title={t('outOfPurpose.detail.title')}
      crumbs={[
        { label: t('outOfPurpose.title'), to: '/handling/out-of-purpose' },
        { label: t('outOfPurpose.detail.title') },
      ]}
    >
      <QueryState query={r}>{(v) => <Body r={v} />}</QueryState>
    </Page>
  );
}
