import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../shared/api/approvals.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { RequiredBadge } from '../../ui/field.tsx';
import { Section } from '../../ui/page.tsx';
import { actPage, knownKind, useNotify } from './labels.tsx';
import { useResubmit, useWithdraw } from './queries.ts';

/** A request sent back: the requester revises the reason and sends it again (a new revision). */
function ResubmitForm({ request }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const resubmit = useResubmit(request.id);
  const notify = useNotify();
  const [reason, setReason] = useState(request.reason);
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      className="max-w-3xl"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          document.getElementById('resubmit-reason')?.focus();
          return;
        }
        resubmit.mutate(
          { reason: reason.trim(), revision: request.revision },
          { onSuccess: () => notify('approvals.requester.resubmitted') },
        );
      }}
    >
      <Alert tone="warning" title={t('approvals.requester.sentBack')}>
        {request.decisionComment && <p className="whitespace-pre-wrap">{request.decisionComment}</p>}
      </Alert>
      <LiveRegion assertive>
        {resubmit.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(resubmit.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor="resubmit-reason" className="label">
          {t('approvals.requester.revisedReason')}
        </label>
        <RequiredBadge />
      </div>
      <p id="resubmit-reason-help" className="mb-1 text-sm text-ink-muted">
        {t('approvals.requester.revisedReasonHelp')}
      </p>
      {missing && (
        <p id="resubmit-reason-error" className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {t('validation.required')}
        </p>
      )}
      <textarea
        id="resubmit-reason"
        className="input mb-6 min-h-32"
        value={reason}
        maxLength={2000}
        aria-required
        aria-invalid={missing || undefined}
        aria-describedby={missing ? 'resubmit-reason-help resubmit-reason-error' : 'resubmit-reason-help'}
        onChange={(e) => {
          setReason(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
      />
      <button type="submit" className="btn-primary" disabled={resubmit.isPending}>
        {t('approvals.requester.resubmit')}
      </button>
    </form>
  );
}

function WithdrawButton({ request }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const withdraw = useWithdraw(request.id);
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <LiveRegion assertive>
        {withdraw.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(withdraw.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
        {t('approvals.requester.withdraw')}
      </button>
      <Dialog
        open={confirming}
        title={t('approvals.requester.withdrawTitle')}
        onClose={() => setConfirming(false)}
      >
        <p className="mb-6">{t('approvals.requester.withdrawConfirm', { number: request.number })}</p>
        <div className="flex flex-wrap gap-4">
          <button
            type="button"
            className="btn-danger"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(undefined, {
                onSuccess: () => notify('approvals.requester.withdrawn'),
                onSettled: () => setConfirming(false),
              })
            }
          >
            {t('approvals.requester.withdraw')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}

/** An approved request: what the requester may do now, and where (the act's own page). */
function NextStep({ request }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const page = actPage(request.kind);
  if (!knownKind(request.kind)) return null;
  return (
    <Alert tone="success" title={t(`approvals.next.${request.kind}`)}>
      <p>{t('approvals.next.useBy', { date: dates.dateTime(request.expiresAt) })}</p>
      {page && (
        <p className="mt-3">
          <Link to={page} className="btn-primary">
            {t('approvals.next.go')}
          </Link>
        </p>
      )}
    </Alert>
  );
}

/** The requester's part of a request's page: waiting, sent back, approved; withdraw while open. */
export function RequesterActions({ request }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const { person } = useSignedIn();
  if (request.requestedBy !== person.id) return null;
  return (
    <Section title={t('approvals.requester.title')} id="requester">
      {request.status === 'submitted' && <p className="mb-4">{t('approvals.requester.waiting')}</p>}
      {request.status === 'approved' && <NextStep request={request} />}
      {request.canResubmit && <ResubmitForm request={request} />}
      {request.canWithdraw && (
        <div className="mt-6">
          <WithdrawButton request={request} />
        </div>
      )}
    </Section>
  );
}
