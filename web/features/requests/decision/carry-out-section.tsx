import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DELIVERY_METHODS, type DeliveryMethod } from '../../../../shared/api/requests.ts';
import { DISCLOSING_DECISIONS, type DecisionView } from '../../../../shared/api/requests-decision.ts';
import { useDates } from '../../../app/preferences.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { orNull } from '../../../ui/form-rules.ts';
import { Section } from '../../../ui/page.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { DateStep } from '../common/date-action.tsx';
import { disclosurePdf, noticePdf, useCarriedOut, useChooseMethod, useRecordNotice } from './queries.ts';

/**
 * 実施方法 (法87-3): chosen by the requester within methodChoiceDays of the notice; a later choice
 * needs its 正当な理由 (ただし書).
 */
function MethodForm({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const choose = useChooseMethod(view.requestId);
  const form = useForm({
    defaultValues: {
      method: view.methodChosen ?? view.preferredMethod ?? '',
      chosenOn: view.methodChosenOn ?? todayInTokyo(),
      lateReason: view.methodLateReason ?? '',
    },
  });
  const { errors, submitCount } = form.formState;
  const chosenOn = form.watch('chosenOn');
  const late = Boolean(view.methodChoiceUntil && chosenOn && chosenOn > view.methodChoiceUntil);
  const submit = form.handleSubmit((v) =>
    choose
      .mutateAsync({
        method: v.method as DeliveryMethod,
        chosenOn: v.chosenOn,
        lateReason: late ? orNull(v.lateReason) : null,
      })
      .catch(() => undefined),
  );
  return (
    <form noValidate className="mt-3 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={choose.error} submitCount={submitCount} />
      <RadioGroupField
        label={t('requestsWork.decision.method')}
        required
        registration={form.register('method', { required: t('validation.choose') })}
        error={errors.method}
        options={DELIVERY_METHODS.map((m) => ({ value: m, label: t(`requests.delivery.${m}`) }))}
      />
      <TextField
        label={t('requestsWork.decision.chosenOn')}
        type="date"
        required
        registration={form.register('chosenOn', { required: t('validation.required') })}
        error={errors.chosenOn}
        after={<DatePreview text={dates.date(chosenOn)} />}
      />
      {late && (
        <TextAreaField
          label={t('requestsWork.decision.lateReason')}
          help={t('requestsWork.decision.lateReasonHelp', { date: dates.date(view.methodChoiceUntil) })}
          required
          registration={form.register('lateReason', {
            validate: (v) => !late || v.trim() !== '' || t('validation.required'),
          })}
          error={errors.lateReason}
        />
      )}
      <button type="submit" className="btn-primary" disabled={choose.isPending}>
        {t('requestsWork.decision.methodSubmit')}
      </button>
    </form>
  );
}

/**
 * After the approval: 決定通知書 (PDF), 「通知書の送付を記録」, 実施方法 (法87), 開示する情報 (PDF) and
 * 「開示の実施を記録」 (the 90 days of 法90-3 for correction and suspension start then).
 */
export function CarryOutSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const notice = useRecordNotice(view.requestId);
  const carried = useCarriedOut(view.requestId);
  if (view.state !== 'decided') return null;
  const disclosing = view.decision !== null && DISCLOSING_DECISIONS.includes(view.decision);
  return (
    <Section title={t('requestsWork.decision.carryOutTitle')}>
      <ol className="grid gap-6">
        <li className="card">
          <h3 className="text-xl">{t('requestsWork.decision.noticeTitle')}</h3>
          {view.can.downloadNotice && (
            <p className="mt-2">
              <a href={noticePdf(view.requestId)} className="btn-secondary btn-sm">
                {t('requestsWork.decision.noticePdf')}
              </a>
            </p>
          )}
          <DateStep
            done={
              view.noticeSentOn &&
              t('requestsWork.decision.noticeSentOn', { date: dates.date(view.noticeSentOn) })
            }
            allowed={view.can.recordNotice}
            label={t('requestsWork.decision.noticeSentLabel')}
            button={t('requestsWork.decision.noticeSubmit')}
            pending={notice.isPending}
            error={notice.error}
            onSubmit={(sentOn) => notice.mutate({ sentOn })}
          />
        </li>
        {disclosing && (
          <li className="card">
            <h3 className="text-xl">{t('requestsWork.decision.methodTitle')}</h3>
            <dl className="mt-2">
              <TermItem term={t('requestsWork.decision.preferred')}>
                {view.preferredMethod ? t(`requests.delivery.${view.preferredMethod}`) : '－'}
              </TermItem>
              <TermItem term={t('requestsWork.decision.methodUntil')}>
                {view.methodChoiceUntil
                  ? dates.date(view.methodChoiceUntil)
                  : t('requestsWork.decision.afterNotice')}
              </TermItem>
              {view.methodChosen && (
                <TermItem term={t('requestsWork.decision.method')}>
                  {t('requestsWork.decision.methodChosen', {
                    method: t(`requests.delivery.${view.methodChosen}`),
                    date: dates.date(view.methodChosenOn),
                  })}
                  {view.methodLateReason && `\n${view.methodLateReason}`}
                </TermItem>
              )}
            </dl>
            {view.can.chooseMethod && <MethodForm view={view} />}
          </li>
        )}
        {disclosing && (
          <li className="card">
            <h3 className="text-xl">{t('requestsWork.decision.disclosureTitle')}</h3>
            {view.can.downloadDisclosure && (
              <p className="mt-2">
                <a href={disclosurePdf(view.requestId)} className="btn-secondary btn-sm">
                  {t('requestsWork.decision.disclosurePdf')}
                </a>
                <span className="ml-3 text-sm text-ink-muted">
                  {t('requestsWork.decision.disclosureLogged')}
                </span>
              </p>
            )}
            <DateStep
              done={
                view.carriedOutOn &&
                t('requestsWork.decision.carriedOutOn', { date: dates.date(view.carriedOutOn) })
              }
              allowed={view.can.carryOut}
              label={t('requestsWork.decision.carriedOutLabel')}
              button={t('requestsWork.decision.carriedOutSubmit')}
              pending={carried.isPending}
              error={carried.error}
              onSubmit={(carriedOutOn) => carried.mutate({ carriedOutOn })}
            />
          </li>
        )}
      </ol>
    </Section>
  );
}
