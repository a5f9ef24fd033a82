import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, withdrawInput, type RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { StatusBadge } from '../common/labels.tsx';
import { ActionForm } from './action-form.tsx';
import { DateField } from '../../facilities/common/date-field.tsx';
import { Facts, ReasonInput } from './bits.tsx';

/** The decision's facts once present (法82, 法87: decided, notice sent, method chosen, carried out). */
export function DecisionFacts({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  if (!r.decidedOn && !r.carriedOutOn && !r.closedOn && !r.withdrawnReason) return null;
  return (
    <Section title={o('decisionTitle')} id="decision-facts">
      <Facts
        rows={[
          [
            o('decision'),
            r.decision ? t(`requests.decisionLabel.${r.decision}`, { defaultValue: r.decision }) : '',
          ],
          [o('decidedOn'), dates.date(r.decidedOn)],
          [o('noticeSentOn'), dates.date(r.noticeSentOn)],
          ...(r.kind === 'disclosure'
            ? ([
                [o('methodChosen'), r.methodChosen ? t(`requests.delivery.${r.methodChosen}`) : ''],
                [o('methodChosenOn'), dates.date(r.methodChosenOn)],
              ] as [string, string][])
            : []),
          [o('carriedOutOn'), dates.date(r.carriedOutOn)],
          [o('closedOn'), dates.date(r.closedOn)],
          ...(r.withdrawnReason ? ([[o('withdrawnReason'), r.withdrawnReason]] as [string, string][]) : []),
        ]}
      />
    </Section>
  );
}

/**
 * Correction and suspension requests following a carried-out disclosure (法90-3, 法98-3: within 90
 * days, remedyUntil), and the buttons that receive one.
 */
export function ChildrenSection({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const o = (k: string) => t(`requests.overview.${k}`);
  if (r.kind !== 'disclosure' || !r.carriedOutOn) return null;
  const open = r.periods.remedyUntil !== null && r.periods.remedyUntil >= todayInTokyo() && r.can.handle;
  const to = (kind: string) => `/requests/new?parent=${encodeURIComponent(r.id)}&kind=${kind}`;
  return (
    <Section
      title={o('children')}
      id="children"
      actions={
        open && (
          <>
            <Link to={to('correction')} className="btn-secondary">
              {o('newCorrection')}
            </Link>
            <Link to={to('suspension')} className="btn-secondary">
              {o('newSuspension')}
            </Link>
          </>
        )
      }
    >
      {r.children.length === 0 ? (
        <p>{o('noChildren')}</p>
      ) : (
        <ul className="grid gap-2">
          {r.children.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <Link to={`/requests/${c.id}`} className="font-mono">
                {c.number}
              </Link>
              <span>{t(`requests.kindLong.${c.kind}`)}</span>
              <StatusBadge status={c.status} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** 取下げ: the requester withdraws the request (reason and date); only while it is open. */
export function WithdrawSection({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const o = (k: string) => t(`requests.overview.${k}`);
  if (!r.can.withdraw || !OPEN_STATUSES.includes(r.status)) return null;
  const labels: Record<string, string> = { reason: o('withdrawReason'), withdrawnOn: o('withdrawnOn') };
  return (
    <Section
      title={o('withdraw')}
      id="withdraw"
      actions={
        <ActionForm
          requestId={r.id}
          path="/withdraw"
          label={o('doWithdraw')}
          schema={withdrawInput}
          defaults={{ reason: '', withdrawnOn: todayInTokyo() }}
          fields={['reason', 'withdrawnOn']}
          fieldLabel={(n) => labels[n] ?? n}
          codes={{ 'requests.date_before_receipt': 'withdrawnOn', 'requests.date_in_future': 'withdrawnOn' }}
        >
          {(form) => (
            <>
              <ReasonInput form={form} name="reason" label={o('withdrawReason')} />
              <DateField form={form} name="withdrawnOn" label={o('withdrawnOn')} />
            </>
          )}
        </ActionForm>
      }
    >
      <p className="text-sm text-ink-muted">{o('withdrawLead')}</p>
    </Section>
  );
}
