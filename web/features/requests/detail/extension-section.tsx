import { useTranslation } from 'react-i18next';
import { extensionInput, largeInput, type RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { TextField } from '../../../ui/field.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { ActionForm } from './action-form.tsx';
import { DateField } from '../../facilities/common/date-field.tsx';
import { Facts, ReasonInput } from './bits.tsx';

/** 延長 (法83-2, 法94-2, 法102-2): up to 30 days, with the written reason and the day the requester was told. */
export function ExtensionSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  const labels: Record<string, string> = {
    days: o('extensionDays'),
    reason: o('extensionReason'),
    notifiedOn: o('notifiedOn'),
  };
  const e = request.extension;
  return (
    <Section
      title={o('extension')}
      id="extension"
      actions={
        request.can.extend &&
        !e && (
          <ActionForm
            requestId={request.id}
            path="/extension"
            label={o('extend')}
            schema={extensionInput}
            defaults={{ days: 30, reason: '', notifiedOn: todayInTokyo() }}
            fields={['days', 'reason', 'notifiedOn']}
            fieldLabel={(n) => labels[n] ?? n}
            codes={{
              'requests.extension_too_long': 'days',
              'requests.extension_too_late': 'notifiedOn',
              'requests.date_in_future': 'notifiedOn',
            }}
          >
            {(form) => (
              <>
                <TextField
                  label={o('extensionDays')}
                  type="number"
                  inputMode="numeric"
                  registration={form.register('days', { valueAsNumber: true })}
                  error={form.formState.errors.days}
                  required
                />
                <ReasonInput form={form} name="reason" label={o('extensionReason')} />
                <DateField form={form} name="notifiedOn" label={o('notifiedOn')} />
              </>
            )}
          </ActionForm>
        )
      }
    >
      <p className="mb-4 max-w-3xl text-sm text-ink-muted">{o('extensionLead')}</p>
      {e && (
        <div data-testid="extension">
          <Facts
            rows={[
              [o('extensionDays'), t('requests.overview.days', { count: e.days })],
              [o('extensionReason'), e.reason],
              [o('notifiedOn'), dates.date(e.notifiedOn)],
            ]}
          />
        </div>
      )}
    </Section>
  );
}

/** 大量請求の特例 (法84): a fair part within 60 days, the rest by a date the handler sets and tells. */
export function LargeSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  const labels: Record<string, string> = {
    reason: o('largeReason'),
    restDueOn: o('largeRestDueOn'),
    notifiedOn: o('notifiedOn'),
  };
  const l = request.largeCase;
  if (request.kind !== 'disclosure') return null;
  if (!l && !request.can.extend) return null;
  return (
    <Section
      title={o('large')}
      id="large"
      actions={
        request.can.extend &&
        !l && (
          <ActionForm
            requestId={request.id}
            path="/large"
            label={o('markLarge')}
            schema={largeInput}
            defaults={{ reason: '', restDueOn: '', notifiedOn: todayInTokyo() }}
            fields={['reason', 'restDueOn', 'notifiedOn']}
            fieldLabel={(n) => labels[n] ?? n}
            codes={{ 'requests.large_rest_before_due': 'restDueOn', 'requests.date_in_future': 'notifiedOn' }}
          >
            {(form) => (
              <>
                <ReasonInput form={form} name="reason" label={o('largeReason')} />
                <DateField form={form} name="restDueOn" label={o('largeRestDueOn')} />
                <DateField form={form} name="notifiedOn" label={o('notifiedOn')} />
              </>
            )}
          </ActionForm>
        )
      }
    >
      <p className="mb-4 max-w-3xl text-sm text-ink-muted">{o('largeLead')}</p>
      {l && (
        <Facts
          rows={[
            [o('largeReason'), l.reason],
            [o('largeRestDueOn'), dates.date(l.restDueOn)],
          ]}
        />
      )}
    </Section>
  );
}
