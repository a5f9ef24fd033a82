import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ITEM_ANSWERS,
  type AuditView,
  type ChecklistItemView,
  type ItemAnswer,
} from '../../../shared/api/audits.ts';
import { ARTICLE_FAMILIES, familyOfArticle } from '../../../shared/compliance/articles.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { useArticleLabel, useFamilyLabel } from '../compliance/labels.tsx';
import { EvidenceForms, EvidenceList } from './item-evidence.tsx';
import { AnswerBadge, Saved } from './labels.tsx';
import { useAnswer } from './queries.ts';

/** 回答: 適合 / 一部適合 / 不適合 / 該当なし with the auditor's observation. */
function AnswerForm({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  const { t } = useTranslation();
  const answer = useAnswer(audit.id);
  const form = useForm<{ answer: ItemAnswer | ''; note: string }>({
    defaultValues: { answer: item.answer ?? '', note: item.note ?? '' },
    shouldFocusError: false,
  });
  const { errors, submitCount, isDirty } = form.formState;
  const submit = form.handleSubmit((v) =>
    answer
      .mutateAsync({ itemId: item.id, answer: v.answer as ItemAnswer, note: v.note.trim() || null })
      .then(() => form.reset(v))
      .catch(() => undefined),
  );
  return (
    <form noValidate className="mt-2" onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={answer.error} submitCount={submitCount} />
      <Saved show={answer.isSuccess && !isDirty} />
      <RadioGroupField
        label={t('audits.checklist.answer')}
        registration={form.register('answer', { validate: (v) => v !== '' || t('validation.choose') })}
        error={errors.answer}
        required
        options={ITEM_ANSWERS.map((a) => ({ value: a, label: t(`audits.answers.${a}`) }))}
      />
      <TextAreaField
        label={t('audits.checklist.note')}
        registration={form.register('note')}
        error={errors.note}
      />
      <button type="submit" className="btn-primary btn-sm" disabled={answer.isPending}>
        {t('audits.checklist.saveAnswer')}
      </button>
    </form>
  );
}

/** One item: its feature id, article and question; the answer; the evidence (A36). */
function ChecklistItem({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const article = useArticleLabel();
  const headingId = useId();
  const question = i18n.language === 'en' ? item.questionEn : item.question;
  return (
    <section id={`item-${item.id}`} aria-labelledby={headingId} className="card py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h4 id={headingId} className="text-lg font-bold">
          <span className="mr-2 font-mono">{item.featureId}</span> {question}
        </h4>
        <AnswerBadge answer={item.answer} />
      </div>
      <p className="text-sm text-ink-muted">{article(item.featureId)}</p>
      <div className="mt-2 grid gap-x-8 gap-y-4 lg:grid-cols-2">
        <div>
          {audit.can.answer ? (
            <AnswerForm audit={audit} item={item} />
          ) : (
            <>
              {item.note && <p className="whitespace-pre-wrap">{item.note}</p>}
              {item.answeredAt && (
                <p className="mt-1 text-sm text-ink-muted">
                  {t('audits.checklist.answeredAt', { date: dates.dateTime(item.answeredAt) })}
                </p>
              )}
            </>
          )}
        </div>
        <div className="border-line-soft lg:border-l lg:pl-8">
          <h5 className="font-bold">{t('audits.checklist.evidence')}</h5>
          <EvidenceList audit={audit} item={item} />
          {audit.can.answer && (
            <details className="mt-3">
              <summary className="cursor-pointer font-bold text-primary">
                {t('audits.checklist.addEvidence')}
              </summary>
              <EvidenceForms audit={audit} item={item} />
            </details>
          )}
        </div>
      </div>
    </section>
  );
}

/** The checklist made from the articles in scope (A36), grouped by the overview's families. */
export function ChecklistSection({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const familyLabel = useFamilyLabel();
  const answered = audit.checklist.filter((i) => i.answer !== null).length;
  const groups = ARTICLE_FAMILIES.map((family) => ({
    family,
    items: audit.checklist.filter((i) => familyOfArticle(i.article) === family),
  })).filter((g) => g.items.length > 0);
  return (
    <Section title={t('audits.checklist.title')} id="checklist">
      {audit.checklist.length === 0 ? (
        <p className="card">{t('audits.checklist.notStarted')}</p>
      ) : (
        <>
          {audit.can.answer && <p className="mb-2 max-w-3xl">{t('audits.checklist.lead')}</p>}
          <p className="mb-4 font-bold">
            {t('audits.checklist.progress', { answered, items: audit.checklist.length })}
          </p>
          <nav aria-label={t('audits.checklist.jump')} className="mb-6">
            <ul className="flex flex-wrap gap-2">
              {groups.map((g) => (
                <li key={g.family}>
                  <a href={`#family-${g.family}`} className="btn-secondary btn-sm">
                    {familyLabel(g.family)}{' '}
                    {t('audits.checklist.familyProgress', {
                      answered: g.items.filter((i) => i.answer !== null).length,
                      items: g.items.length,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map((g) => (
            <div key={g.family} className="mb-8">
              <h3 id={`family-${g.family}`} className="mb-3 text-xl">
                {familyLabel(g.family, true)}
                <span className="ml-3 text-base font-normal text-ink-muted">
                  {t('audits.checklist.familyProgress', {
                    answered: g.items.filter((i) => i.answer !== null).length,
                    items: g.items.length,
                  })}
                </span>
              </h3>
              <div className="grid gap-3">
                {g.items.map((item) => (
                  <ChecklistItem key={item.id} audit={audit} item={item} />
                ))}
              </div>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
