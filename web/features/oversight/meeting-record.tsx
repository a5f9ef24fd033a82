import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../shared/api/oversight.ts';
import { ARTICLE_ITEMS } from '../../../shared/compliance/articles.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { SelectField, TextAreaField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { DocumentField, Saved } from './bits.tsx';
import { useMeetingChanges } from './queries.ts';

interface Values {
  decisions: { text: string; featureId: string }[];
  minutes: string;
}

/**
 * 開催を記録する (A9): the 総括管理者 records the meeting as held — its decisions (each optionally tied
 * to the article it concerns), the minutes, and the minutes' document (PDF) when one is chosen.
 */
export function HeldForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { hold } = useMeetingChanges(meeting.id);
  const navigate = useNavigate();
  const location = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Values>({
    defaultValues: { decisions: [{ text: '', featureId: '' }], minutes: '' },
    shouldFocusError: false,
  });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const { locale } = usePreferences();
  // The measures a decision may concern: the catalogue's feature ids (shared/compliance/articles.ts).
  const articles = ARTICLE_ITEMS.map((a) => ({
    value: a.id,
    label: `${a.id} ${locale === 'en' ? a.en : a.ja}`,
  }));
  const { errors, submitCount } = form.formState;
  const k = 'oversight.meeting';
  const submit = form.handleSubmit(async (v) => {
    try {
      await hold.mutateAsync({
        input: {
          decisions: v.decisions
            .filter((d) => d.text.trim() !== '')
            .map((d) => ({ text: d.text.trim(), featureId: d.featureId.trim() || null })),
          minutes: v.minutes.trim(),
        },
        file,
      });
      // The notice of the page replaces 「会議を予定しました。」 (web/ui/page.tsx reads the state).
      void navigate(location.pathname, { replace: true, state: { notice: 'oversight.meeting.heldNotice' } });
    } catch (e) {
      applyServerErrors(e, ['minutes'], form.setError);
    }
  });
  return (
    <Section title={t(`${k}.holdTitle`)}>
      <p className="mb-4 max-w-3xl">{t(`${k}.holdLead`)}</p>
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={hold.error} submitCount={submitCount} />
        <fieldset className="mb-6">
          <legend className="label mb-2">{t(`${k}.decisions`)}</legend>
          <ol className="grid gap-4">
            {decisions.fields.map((f, n) => (
              <li key={f.id} className="card">
                <TextAreaField
                  label={t(`${k}.decisionText`, { n: n + 1 })}
                  registration={form.register(`decisions.${n}.text`)}
                  error={errors.decisions?.[n]?.text}
                />
                <SelectField
                  label={t(`${k}.decisionArticle`, { n: n + 1 })}
                  help={t(`${k}.decisionArticleHelp`)}
                  placeholder={t(`${k}.noArticle`)}
                  options={articles}
                  registration={form.register(`decisions.${n}.featureId`)}
                />
                {decisions.fields.length > 1 && (
                  <button type="button" className="btn-secondary btn-sm" onClick={() => decisions.remove(n)}>
                    {t(`${k}.removeDecision`, { n: n + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn-secondary btn-sm mt-4"
            onClick={() => decisions.append({ text: '', featureId: '' })}
          >
            {t(`${k}.addDecision`)}
          </button>
        </fieldset>
        <TextAreaField
          label={t(`${k}.minutes`)}
          help={t(`${k}.minutesHelp`)}
          required
          registration={form.register('minutes', {
            validate: (v) => v.trim().length > 0 || 'i18n:validation.required',
          })}
          error={errors.minutes}
        />
        <DocumentField label={t(`${k}.document`)} help={t(`${k}.documentHelp`)} onChoose={setFile} />
        <button type="submit" className="btn-primary" disabled={hold.isPending}>
          {t(`${k}.hold`)}
        </button>
      </form>
    </Section>
  );
}

/** The minutes' document (PDF) uploaded or replaced after the meeting is recorded. */
export function DocumentUpload({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { upload } = useMeetingChanges(meeting.id);
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const k = 'oversight.meeting';
  return (
    <form
      noValidate
      className="mt-6 max-w-3xl"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        upload.mutate(file, {
          onSuccess: () => {
            setFile(null);
            setResetKey((n) => n + 1);
          },
        });
      }}
    >
      <Saved show={upload.isSuccess} text={t(`${k}.uploaded`)} />
      <FormErrors errors={{}} serverError={upload.error} />
      <DocumentField
        label={meeting.document ? t(`${k}.replaceDocument`) : t(`${k}.document`)}
        help={t(`${k}.documentHelp`)}
        onChoose={setFile}
        resetKey={resetKey}
      />
      <button type="submit" className="btn-secondary" disabled={!file || upload.isPending}>
        {t(`${k}.upload`)}
      </button>
    </form>
  );
}
