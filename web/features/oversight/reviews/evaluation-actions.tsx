import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ActionView, EvaluationView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { NoteForm } from '../../../ui/note-form.tsx';
import { Section } from '../../../ui/page.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { required } from '../../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useActionDone, useAddAction, useOwners, useRemoveAction } from './queries.ts';

/** 完了を記録: the action's owner (or the keeper) says what was done. */
function DoneForm({ evaluationId, action }: { evaluationId: string; action: ActionView }) {
  const { t } = useTranslation();
  const done = useActionDone(evaluationId);
  return (
    <NoteForm
      label={t('reviews.evaluation.doneNote')}
      submitLabel={t('reviews.evaluation.markDone')}
      pending={done.isPending}
      serverError={done.error}
      onSubmit={(note) => done.mutateAsync({ actionId: action.id, note })}
    />
  );
}

function ActionItem({ evaluation: e, action: a }: { evaluation: EvaluationView; action: ActionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const remove = useRemoveAction(e.id);
  return (
    <li className="card py-4">
      <p className="whitespace-pre-wrap font-bold">{a.description}</p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('reviews.evaluation.featureId')}</dt>
        <dd className="font-mono">{a.featureId}</dd>
        <dt className="font-bold">{t('reviews.evaluation.owner')}</dt>
        <dd>{a.owner?.name ?? '－'}</dd>
        <dt className="font-bold">{t('reviews.evaluation.due')}</dt>
        <dd>
          {dates.date(a.due)}
          {a.overdue && a.status === 'open' && (
            <span className="ml-2">
              <Badge tone="bad">{t('reviews.evaluation.overdue')}</Badge>
            </span>
          )}
        </dd>
        <dt className="font-bold">{t('reviews.evaluation.status')}</dt>
        <dd>
          <Badge tone={a.status === 'done' ? 'good' : 'info'}>
            {t(`reviews.evaluation.actionStatus.${a.status}`)}
          </Badge>
          {a.doneAt && (
            <span className="ml-2">{t('reviews.evaluation.doneAt', { date: dates.dateTime(a.doneAt) })}</span>
          )}
        </dd>
      </dl>
      {a.note && <p className="mt-2 whitespace-pre-wrap">{a.note}</p>}
      {a.status === 'open' && a.canComplete && <DoneForm evaluationId={e.id} action={a} />}
      {e.can.edit && (
        <>
          <FormErrors errors={{}} serverError={remove.error} />
          <button
            type="button"
            className="btn-secondary btn-sm mt-3"
            aria-label={t('reviews.evaluation.removeLabel', { text: a.description.slice(0, 40) })}
            disabled={remove.isPending}
            onClick={() => void remove.mutateAsync(a.id).catch(() => undefined)}
          >
            {t('reviews.evaluation.remove')}
          </button>
        </>
      )}
    </li>
  );
}

const EMPTY = { description: '', featureId: '', ownerId: '', due: '' };

function AddForm({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const add = useAddAction(e.id);
  const owners = useOwners(true);
  const form = useForm({ defaultValues: EMPTY, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({ ...v, description: v.description.trim(), featureId: v.featureId.trim() })
      .then(() => form.reset(EMPTY))
      .catch((err: unknown) =>
        applyServerErrors(err, ['description', 'featureId', 'ownerId', 'due'] as const, form.setError),
      ),
  );
  const options = (owners.data?.people ?? []).map((p) => {
    const where = `${p.unitName ?? ''} ${p.sectionName ?? ''}`.trim();
    return { value: p.id, label: where ? `${p.name}（${where}）` : p.name };
  });
  return (
    <form noValidate className="max-w-3xl" onSubmit={(ev) => void submit(ev)}>
      <h3 className="mb-3 text-lg">{t('reviews.evaluation.addAction')}</h3>
      <Saved show={add.isSuccess} />
      <FormErrors errors={errors} serverError={add.error} submitCount={submitCount} />
      <TextAreaField
        label={t('reviews.evaluation.description')}
        registration={form.register('description', required(t('validation.required')))}
        error={errors.description}
        required
      />
      <div className="grid gap-x-6 sm:grid-cols-3">
        <TextField
          label={t('reviews.evaluation.featureId')}
          help={t('reviews.evaluation.featureIdHelp')}
          registration={form.register('featureId', {
            validate: (v) => /^A\d+(?:の\d+)?(?:-\d+)?$/.test(v.trim()) || t('validation.format'),
          })}
          error={errors.featureId}
          required
        />
        <SelectField
          label={t('reviews.evaluation.owner')}
          registration={form.register('ownerId', required(t('validation.choose')))}
          error={errors.ownerId}
          required
          placeholder=""
          options={options}
        />
        <TextField
          label={t('reviews.evaluation.due')}
          type="date"
          registration={form.register('due', required(t('validation.date')))}
          error={errors.due}
          required
          after={<DatePreview text={dates.date(form.watch('due'))} />}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={add.isPending}>
        {t('reviews.evaluation.addSubmit')}
      </button>
    </form>
  );
}

/** 決定した措置 (A38 「見直し」): each with its owner and due date; owners record that it is done. */
export function ActionsSection({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const actions = [...e.actionList].sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  return (
    <Section title={t('reviews.evaluation.decided')}>
      <p className="mb-4 max-w-3xl">{t('reviews.evaluation.decidedLead')}</p>
      {actions.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('reviews.evaluation.noActions')}</p>
      ) : (
        <ul className="mb-6 grid gap-3" aria-label={t('reviews.evaluation.actionsCaption')}>
          {actions.map((a) => (
            <ActionItem key={a.id} evaluation={e} action={a} />
          ))}
        </ul>
      )}
      {e.can.edit && <AddForm evaluation={e} />}
    </Section>
  );
}
