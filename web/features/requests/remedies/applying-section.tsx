import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientNoticeView, RemedyView } from '../../../../shared/api/requests-remedies.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { NoteForm } from '../../../ui/note-form.tsx';
import { Section } from '../../../ui/page.tsx';
import { DateAction, DateStep } from '../common/date-action.tsx';
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
  const dates = useDates();
  const record = useRecordRecipient(view.requestId);
  const [notNeeded, setNotNeeded] = useState(false);
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
            <NoteForm
              className="mt-3 max-w-xl"
              label={t('requestsWork.remedies.notRequiredReason')}
              submitLabel={t('requestsWork.remedies.notRequiredSubmit')}
              pending={record.isPending}
              serverError={record.error}
              onSubmit={(reason) =>
                record.mutateAsync({ noticeId: notice.id, notice: { status: 'not_required', reason } })
              }
            />
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
          <DateStep
            done={
              view.carriedOutOn &&
              t('requestsWork.remedies.carriedOutOn', { date: dates.date(view.carriedOutOn) })
            }
            allowed={view.can.carryOut}
            label={t('requestsWork.remedies.carriedOutLabel')}
            button={t('requestsWork.remedies.carriedOutSubmit')}
            pending={carried.isPending}
            error={carried.error}
            onSubmit={(carriedOutOn) => carried.mutate({ carriedOutOn })}
          />
        </div>
      </div>
    </Section>
  );
}
