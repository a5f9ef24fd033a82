import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientNoticeView, RemedyView } from '../../../../shared/api/requests-remedies.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { DateAction } from '../decision/date-action.tsx';
import { remedyNoticePdf, useRecordRecipient, useRemedyCarriedOut } from './queries.ts';

/** 利用停止中: the suspensions in force (a suspended record is refused for these purposes, 法98-1). */
function Suspensions({ view }: { view: RemedyView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (view.kind !== 'suspension') return null;
  const files = new Map(view.items.map((i) => [i.fileId, i.fileName]));
  return (
    <div className="card">
      <h3 className="text-xl">{t('requestsWork.remedies.suspensionsTitle')}</h3>
      {view.suspensions.length === 0 ? (
        <p className="mt-2 text-ink-muted">{t('requestsWork.remedies.noSuspensions')}</p>
      ) : (
        <ul className="mt-2 grid gap-2">
          {view.suspensions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3">
              <Badge tone={s.liftedAt ? 'plain' : 'warn'}>
                {s.liftedAt ? t('requestsWork.remedies.lifted') : t('requestsWork.remedies.inForce')}
              </Badge>
              <span>{`${files.get(s.fileId) ?? ''} ${s.purposeLabel}`.trim()}</span>
              <span className="text-sm text-ink-muted">
                {t('requestsWork.remedies.since', { at: dates.dateTime(s.since) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A recipient of provided data: 「通知済」 with the day, or 「通知不要」 with the reason (法97, 法101). */
function Recipient({ view, notice }: { view: RemedyView; notice: RecipientNoticeView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const record = useRecordRecipient(view.requestId);
  const [notNeeded, setNotNeeded] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = `nr-${notice.id}`;
  return (
    <li className="border-b border-line-soft py-3">
      <p className="flex flex-wrap items-center gap-3">
        <span className="font-bold">{notice.partyName}</span>
        <span className="text-sm text-ink-muted">{notice.provisionNumber}</span>
        <Badge tone={notice.status === 'pending' ? 'warn' : 'good'}>
          {t(`requestsWork.remedies.noticeStatus.${notice.status}`)}
        </Badge>
        {notice.toldOn && <span>{dates.date(notice.toldOn)}</span>}
        {notice.reason && <span className="whitespace-pre-wrap">{notice.reason}</span>}
      </p>
      {notice.status === 'pending' && view.can.recordNotice && (
        <>
          <DateAction
            label={t('requestsWork.remedies.toldOn', { party: notice.partyName })}
            button={t('requestsWork.remedies.told')}
            pending={record.isPending}
            error={notNeeded ? null : record.error}
            onSubmit={(toldOn) => record.mutate({ noticeId: notice.id, notice: { status: 'told', toldOn } })}
          />
          <button type="button" className="btn-secondary btn-sm mt-3" onClick={() => setNotNeeded((v) => !v)}>
            {t('requestsWork.remedies.notRequired')}
          </button>
          {notNeeded && (
            <form
              noValidate
              className="mt-3 max-w-xl"
              onSubmit={(e) => {
                e.preventDefault();
                if (reason.trim())
                  record.mutate({
                    noticeId: notice.id,
                    notice: { status: 'not_required', reason: reason.trim() },
                  });
              }}
            >
              <LiveRegion assertive>
                {record.error ? <Alert tone="error" title={errorMessage(record.error, locale)} /> : null}
              </LiveRegion>
              <label htmlFor={reasonId} className="label">
                {t('requestsWork.remedies.notRequiredReason')}
              </label>
              <textarea
                id={reasonId}
                rows={2}
                className="input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="submit"
                className="btn-primary btn-sm mt-2"
                disabled={record.isPending || !reason.trim()}
              >
                {t('requestsWork.remedies.notRequiredSubmit')}
              </button>
            </form>
          )}
        </>
      )}
    </li>
  );
}

/**
 * After the approval: the suspensions in force, the recipients to tell, the notice PDF and 「実施を記録」
 * (refused while a correction or a recipient is outstanding: the server's list of what is missing).
 */
export function ApplyingSection({ view }: { view: RemedyView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const carried = useRemedyCarriedOut(view.requestId);
  if (view.phase !== 'applying' && view.phase !== 'done') return null;
  return (
    <Section title={t('requestsWork.remedies.applyingTitle')}>
      <div className="grid gap-6">
        <Suspensions view={view} />
        <div className="card">
          <h3 className="text-xl">{t('requestsWork.remedies.recipientsTitle')}</h3>
          {view.notices.length === 0 ? (
            <p className="mt-2 text-ink-muted">{t('requestsWork.remedies.noRecipients')}</p>
          ) : (
            <ul className="mt-2">
              {view.notices.map((n) => (
                <Recipient key={n.id} view={view} notice={n} />
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h3 className="text-xl">{t('requestsWork.remedies.noticeTitle')}</h3>
          {view.can.notice && (
            <p className="mt-2">
              <a href={remedyNoticePdf(view.requestId)} className="btn-secondary btn-sm">
                {t('requestsWork.decision.noticePdf')}
              </a>
            </p>
          )}
          {view.missing.length > 0 && !view.carriedOutOn && (
            <Alert tone="warning" title={t('requestsWork.remedies.missingTitle')}>
              <ul className="list-disc pl-6">
                {view.missing.map((m) => (
                  <li key={`${m.path}-${m.code}`}>
                    {t(`requestsWork.remedies.missing.${m.code}`, { defaultValue: m.code })}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {view.carriedOutOn ? (
            <p className="mt-2">
              {t('requestsWork.remedies.carriedOutOn', { date: dates.date(view.carriedOutOn) })}
            </p>
          ) : (
            view.can.carryOut && (
              <DateAction
                label={t('requestsWork.remedies.carriedOutLabel')}
                button={t('requestsWork.remedies.carriedOutSubmit')}
                pending={carried.isPending}
                error={carried.error}
                onSubmit={(carriedOutOn) => carried.mutate({ carriedOutOn })}
              />
            )
          )}
        </div>
      </div>
    </Section>
  );
}
