import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerView } from '../../../../shared/api/handling-usage.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Section } from '../../../ui/page.tsx';
import { useSignReview } from './queries.ts';

/** A16: the 保護管理者 reads an ended month and signs it off; past sign-offs stay listed. */
export function ReviewSection({ ledger }: { ledger: LedgerView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const id = useId();
  const sign = useSignReview(ledger.fileId);
  const [month, setMonth] = useState(ledger.signable[0] ?? '');
  const [comment, setComment] = useState('');
  const chosen = ledger.signable.includes(month) ? month : (ledger.signable[0] ?? '');
  return (
    <Section title={t('usageLedger.review.title')}>
      <p className="mb-4">{t('usageLedger.review.help')}</p>
      <LiveRegion>
        {sign.isSuccess && (
          <Alert tone="success" title={t('usageLedger.review.signed', { month: sign.data.month })} />
        )}
        {sign.isError && (
          <div role="alert">
            <Alert tone="error" title={t('common.errorTitle')}>
              <p>{errorMessage(sign.error, locale)}</p>
            </Alert>
          </div>
        )}
      </LiveRegion>
      {ledger.canSign && ledger.signable.length > 0 && (
        <form
          className="card mb-6 grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            sign.mutate({ month: chosen, comment: comment.trim() }, { onSuccess: () => setComment('') });
          }}
        >
          <div>
            <label htmlFor={`${id}-month`} className="label">
              {t('usageLedger.review.month')}
            </label>
            <select
              id={`${id}-month`}
              className="input max-w-xs"
              value={chosen}
              onChange={(e) => setMonth(e.target.value)}
            >
              {ledger.signable.map((m) => (
                <option key={m} value={m}>
                  {t('usageLedger.review.monthLabel', { year: m.slice(0, 4), month: Number(m.slice(5)) })}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-comment`} className="label">
              {t('usageLedger.review.comment')}
            </label>
            <p id={`${id}-comment-help`} className="mb-1 text-sm text-ink-muted">
              {t('usageLedger.review.commentHelp')}
            </p>
            <textarea
              id={`${id}-comment`}
              className="input min-h-24"
              maxLength={2000}
              aria-describedby={`${id}-comment-help`}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div>
            <button type="submit" className="btn-primary" disabled={sign.isPending || !chosen}>
              {t('usageLedger.review.sign')}
            </button>
          </div>
        </form>
      )}
      {ledger.canSign && ledger.signable.length === 0 && (
        <p className="mb-4">{t('usageLedger.review.nothing')}</p>
      )}
      {ledger.reviews.length === 0 ? (
        <p>{t('usageLedger.review.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('usageLedger.review.past')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usageLedger.review.period')}</th>
                <th scope="col">{t('usageLedger.review.signedBy')}</th>
                <th scope="col">{t('usageLedger.review.signedAt')}</th>
                <th scope="col">{t('usageLedger.review.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.reviews.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {dates.date(r.periodFrom)} – {dates.date(r.periodTo)}
                  </th>
                  <td>{r.signedByName}</td>
                  <td>{dates.dateTime(r.signedAt)}</td>
                  <td className="whitespace-pre-wrap">{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
