import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProvisionView } from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { required } from '../../ui/form-rules.ts';
import { TermItem } from '../../ui/term-list.tsx';
import { ProvisionStatusBadge, Saved } from './bits.tsx';
import { AgreementSection, MeasuresSection } from './provision-agreement.tsx';
import { ActsSection } from './provision-acts.tsx';
import { ChecksSection } from './provision-checks.tsx';
import { useCloseProvision, useProvision, useSubmitProvision } from './queries-provisions.ts';

function Facts({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('provision.provisions.col.status')}>
        <ProvisionStatusBadge status={p.status} />
      </TermItem>
      <TermItem term={t('provision.provisionPage.recipient')}>
        <Link to={`/provision/parties/${p.partyId}`}>{p.partyName}</Link>
        {p.isPublicBody && `（${t('provision.publicBody')}）`}
      </TermItem>
      <TermItem term={t('provision.provisionPage.ground')}>
        {t(`provision.grounds.${p.ground}`)}
        {p.lawName && <span className="block">{p.lawName}</span>}
      </TermItem>
      {p.harmStatement && (
        <TermItem term={t('provision.provisionForm.harmStatement')}>{p.harmStatement}</TermItem>
      )}
      <TermItem term={t('provision.provisionPage.files')}>
        <ul className="grid gap-1">
          {p.files.map((f) => (
            <li key={f.fileId}>
              <Link to={`/provision/files/${f.fileId}`}>{f.fileName}</Link>
              {f.myNumberFile && <span className="ml-2 text-sm">（{t('provision.myNumber')}）</span>}
              <span className="block text-sm">
                {(f.itemLabels.length ? f.itemLabels : f.items).join('、')}
              </span>
            </li>
          ))}
        </ul>
      </TermItem>
      <TermItem term={t('provision.provisionForm.recipientPurpose')}>{p.recipientPurpose}</TermItem>
      <TermItem term={t('provision.provisionForm.legalBasis')}>
        {p.legalBasis || t('provision.none')}
      </TermItem>
      <TermItem term={t('provision.provisionForm.recordRange')}>{p.recordRange}</TermItem>
      <TermItem term={t('provision.provisionForm.useForm')}>{t(`provision.useForms.${p.useForm}`)}</TermItem>
      <TermItem term={t('provision.provisionForm.frequency')}>
        {t(`provision.frequencies.${p.frequency}`)}
      </TermItem>
      <TermItem term={t('provision.provisionPage.period')}>
        {p.endsOn
          ? t('provision.contracts.period', { from: dates.date(p.startsOn), to: dates.date(p.endsOn) })
          : `${dates.date(p.startsOn)} ～`}
      </TermItem>
      {p.measuresDeemedNecessary && (
        <TermItem term={t('provision.provisionForm.measuresReason')}>{p.measuresReason}</TermItem>
      )}
      {p.closedReason && <TermItem term={t('provision.provisionPage.close')}>{p.closedReason}</TermItem>}
    </dl>
  );
}

/** 承認: the provision's approval (kind `provision`), and the request to submit it while a draft. */
function ApprovalSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const submit = useSubmitProvision(p.id);
  const form = useForm({ defaultValues: { reason: '' }, shouldFocusError: false });
  const send = form.handleSubmit((v) =>
    submit.mutateAsync({ reason: v.reason.trim() }).catch(() => undefined),
  );
  return (
    <Section title={t('provision.provisionPage.approval')}>
      <p className="mb-2">
        <ProvisionStatusBadge status={p.status} />
        <span className="ml-2">
          {t('provision.provisionPage.approvalLevel', { level: t(`approvals.levels.${p.approvalLevel}`) })}
        </span>
      </p>
      {p.approvalId && (
        <Link to={`/approvals/${p.approvalId}`}>{t('provision.provisionPage.openApproval')}</Link>
      )}
      {p.canSubmit && (
        <form noValidate className="mt-4 max-w-3xl" onSubmit={(e) => void send(e)}>
          <p className="mb-4">{t('provision.provisionPage.submitLead')}</p>
          <FormErrors
            errors={form.formState.errors}
            serverError={submit.error}
            submitCount={form.formState.submitCount}
          />
          <TextAreaField
            label={t('provision.provisionPage.submitReason')}
            registration={form.register('reason')}
          />
          <button type="submit" className="btn-primary" disabled={submit.isPending}>
            {t('provision.provisionPage.submit')}
          </button>
        </form>
      )}
    </Section>
  );
}

function CloseSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const close = useCloseProvision(p.id);
  const [done, setDone] = useState(false);
  const form = useForm({ defaultValues: { reason: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  if (p.status === 'closed' || !(p.canEdit || p.canRecordAct)) return <Saved show={done} />;
  const submit = form.handleSubmit((v) =>
    close
      .mutateAsync({ reason: v.reason.trim() })
      .then(() => setDone(true))
      .catch(() => undefined),
  );
  return (
    <Section title={t('provision.provisionPage.close')}>
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={close.error} submitCount={submitCount} />
        <TextAreaField
          label={t('provision.provisionPage.closeReason')}
          registration={form.register('reason', required(t('validation.required')))}
          error={errors.reason}
          required
        />
        <button type="submit" className="btn-secondary" disabled={close.isPending}>
          {t('provision.provisionPage.close')}
        </button>
      </form>
    </Section>
  );
}

/** /provision/provisions/:id: a provision (A17-2, A18) — approval, agreement, measures, checks, acts. */
export function ProvisionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const provision = useProvision(id);
  const number = provision.data?.number;
  const title = number
    ? t('provision.provisionPage.title', { number })
    : t('provision.provisionPage.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.provisions.title'), to: '/provision/provisions' },
        { label: number ?? title },
      ]}
    >
      <QueryState query={provision}>
        {(p) => (
          <>
            <Facts provision={p} />
            <ApprovalSection provision={p} />
            <AgreementSection provision={p} />
            <MeasuresSection provision={p} />
            <ChecksSection provision={p} />
            <ActsSection provision={p} />
            <CloseSection provision={p} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
