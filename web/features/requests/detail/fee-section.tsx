import { useTranslation } from 'react-i18next';
import { FEE_METHODS, feeInput, type RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { ActionForm } from './action-form.tsx';
import { DateField } from '../../facilities/common/date-field.tsx';
import { Facts } from './bits.tsx';

/** 手数料 (法89): a disclosure request costs the fee; correction and suspension cost nothing. */
export function FeeSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  const labels: Record<string, string> = {
    method: t('requests.intake.feeMethod'),
    paidOn: t('requests.intake.feePaidOn'),
  };
  if (request.kind !== 'disclosure') return null;
  const unpaid = request.feePaidOn === null && request.feeMethod !== 'exempt';
  return (
    <Section
      title={o('feeTitle')}
      id="fee"
      actions={
        request.can.handle &&
        unpaid && (
          <ActionForm
            requestId={request.id}
            path="/fee"
            label={o('recordFee')}
            schema={feeInput}
            defaults={{ method: 'cash', paidOn: todayInTokyo() }}
            fields={['method', 'paidOn']}
            fieldLabel={(n) => labels[n] ?? n}
            codes={{ 'requests.fee_method_invalid': 'method', 'requests.date_in_future': 'paidOn' }}
          >
            {(form) => (
              <>
                <SelectField
                  label={labels.method!}
                  registration={form.register('method')}
                  error={form.formState.errors.method}
                  required
                  options={FEE_METHODS.filter((m) => m !== 'none' && m !== 'exempt').map((m) => ({
                    value: m,
                    label: t(`requests.fee.${m}`),
                  }))}
                />
                <DateField form={form} name="paidOn" label={labels.paidOn!} />
              </>
            )}
          </ActionForm>
        )
      }
    >
      <Facts
        rows={[
          [o('feeAmount'), t('requests.overview.yen', { amount: request.feeYen.toLocaleString('ja-JP') })],
          [labels.method!, t(`requests.fee.${request.feeMethod}`)],
          [
            labels.paidOn!,
            unpaid ? (
              <span className="badge border-warning bg-warning-soft">{o('feeUnpaid')}</span>
            ) : (
              dates.date(request.feePaidOn)
            ),
          ],
        ]}
      />
    </Section>
  );
}
