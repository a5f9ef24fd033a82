import { useTranslation } from 'react-i18next';
import { answerInput, pauseInput, type RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { ActionForm } from './action-form.tsx';
import { DateField } from '../../facilities/common/date-field.tsx';
import { ReasonInput } from './bits.tsx';

/**
 * 補正 (法77-3): asking the requester to fix a defective request stops the clock; the days from the
 * asking to the answer are not counted (法83-1 ただし書). One open 補正 at a time.
 */
export function PausesSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  const today = todayInTokyo();
  const open = request.pauses.find((p) => p.answeredOn === null);
  const label = (name: string) =>
    o(name === 'askedOn' ? 'askedOn' : name === 'reason' ? 'reason' : 'answeredOn');
  return (
    <Section
      title={o('pauses')}
      id="pauses"
      actions={
        <>
          {request.can.pause && !open && (
            <ActionForm
              requestId={request.id}
              path="/pauses"
              label={o('askPause')}
              schema={pauseInput}
              defaults={{ askedOn: today, reason: '' }}
              fields={['askedOn', 'reason']}
              fieldLabel={label}
              codes={{ 'requests.date_before_receipt': 'askedOn', 'requests.date_in_future': 'askedOn' }}
            >
              {(form) => (
                <>
                  <DateField form={form} name="askedOn" label={o('askedOn')} />
                  <ReasonInput form={form} name="reason" label={o('reason')} />
                </>
              )}
            </ActionForm>
          )}
          {request.can.handle && open && (
            <ActionForm
              requestId={request.id}
              path={`/pauses/${encodeURIComponent(open.id)}/answer`}
              label={o('answer')}
              schema={answerInput}
              defaults={{ answeredOn: today }}
              fields={['answeredOn']}
              fieldLabel={label}
              codes={{
                'requests.answer_before_asked': 'answeredOn',
                'requests.date_in_future': 'answeredOn',
              }}
            >
              {(form) => <DateField form={form} name="answeredOn" label={o('answeredOn')} />}
            </ActionForm>
          )}
        </>
      }
    >
      <p className="mb-4 max-w-3xl text-sm text-ink-muted">{o('pausesLead')}</p>
      {request.pauses.length === 0 ? (
        <p>{o('noPauses')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table" data-testid="pauses">
            <caption className="sr-only">{o('pauses')}</caption>
            <thead>
              <tr>
                <th scope="col">{o('askedOn')}</th>
                <th scope="col">{o('reason')}</th>
                <th scope="col">{o('answeredOn')}</th>
                <th scope="col">{o('pauseDays')}</th>
              </tr>
            </thead>
            <tbody>
              {request.pauses.map((p) => (
                <tr key={p.id}>
                  <td className="min-w-32">{dates.date(p.askedOn)}</td>
                  <td className="min-w-48 whitespace-pre-wrap">{p.reason}</td>
                  <td className="min-w-32">
                    {p.answeredOn ? (
                      dates.date(p.answeredOn)
                    ) : (
                      <span className="badge border-warning">{o('open')}</span>
                    )}
                  </td>
                  <td>{t('requests.overview.days', { count: p.days })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
