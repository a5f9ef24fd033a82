import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  WITHHOLD_GROUNDS,
  WITHHOLD_GROUND_LABELS,
  type DecisionView,
  type WithheldItemInput,
  type WithholdGround,
} from '../../../../shared/api/requests-decision.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { required } from '../../../ui/form-rules.ts';
import { useSaveWithheld } from './queries.ts';

/** What is being withheld: a field of a record, or the whole record (fieldKey null). */
export interface WithholdTarget {
  matchId: string;
  fieldKey: string | null;
  /** 「氏名」 or 「記録全体」, for the dialog's title. */
  label: string;
}

/** The list as the server keeps it (PUT /withheld replaces it whole). */
export const itemsOf = (view: DecisionView): WithheldItemInput[] =>
  view.withheld.map((w) => ({
    matchId: w.matchId,
    fieldKey: w.fieldKey,
    ground: w.ground,
    reason: w.reason,
  }));

/** 「第2号 開示請求者以外の個人に関する情報」: the ground of 法78-1 in words. */
export function useGroundLabel() {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  return (ground: WithholdGround) => {
    const g = WITHHOLD_GROUND_LABELS[ground];
    return `${t('requestsWork.decision.item', { item: g.item })} ${g[locale]}`;
  };
}

/**
 * 「不開示にする」: the ground (法78-1 各号, in words) and why it applies — in the organisation's words,
 * never the withheld value itself (the reason is printed in the notice, 法82-1).
 */
export function WithholdDialog({
  view,
  target,
  onClose,
}: {
  view: DecisionView;
  target: WithholdTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const groundLabel = useGroundLabel();
  const save = useSaveWithheld(view.requestId);
  const form = useForm<{ ground: string; reason: string }>({ defaultValues: { ground: '', reason: '' } });
  const { errors, submitCount } = form.formState;
  const close = () => {
    form.reset();
    save.reset();
    onClose();
  };
  const submit = form.handleSubmit((v) => {
    if (!target) return;
    const items = itemsOf(view).filter(
      (i) => !(i.matchId === target.matchId && (i.fieldKey ?? null) === target.fieldKey),
    );
    items.push({
      matchId: target.matchId,
      fieldKey: target.fieldKey,
      ground: v.ground as WithholdGround,
      reason: v.reason.trim(),
    });
    save.mutate({ items }, { onSuccess: close });
  });
  return (
    <Dialog
      open={target !== null}
      title={t('requestsWork.decision.withholdTitle', { label: target?.label ?? '' })}
      onClose={close}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
        <SelectField
          label={t('requestsWork.decision.ground')}
          help={t('requestsWork.decision.groundHelp')}
          required
          placeholder=""
          registration={form.register('ground', { required: t('validation.choose') })}
          error={errors.ground}
          options={WITHHOLD_GROUNDS.map((g) => ({ value: g, label: groundLabel(g) }))}
        />
        <TextAreaField
          label={t('requestsWork.decision.withholdReason')}
          help={t('requestsWork.decision.withholdReasonHelp')}
          required
          registration={form.register('reason', required(t('validation.required')))}
          error={errors.reason}
        />
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t('requestsWork.decision.withholdSubmit')}
        </button>
      </form>
    </Dialog>
  );
}
