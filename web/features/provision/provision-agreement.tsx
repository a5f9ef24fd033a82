import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProvisionView, SafetyMeasure } from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { DocumentField, Saved } from './bits.tsx';
import {
  AgreementFields,
  agreementInputOf,
  EMPTY_AGREEMENT,
  MeasuresFields,
  measuresInputOf,
  type AgreementValues,
  type MeasuresValues,
} from './provision-form-parts.tsx';
import {
  provisionPath,
  useSaveAgreement,
  useSaveMeasures,
  useUploadAgreement,
} from './queries-provisions.ts';

function AgreementForm({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const save = useSaveAgreement(p.id);
  const upload = useUploadAgreement(p.id);
  const [file, setFile] = useState<File | null>(null);
  const a = p.agreement;
  const form = useForm<{ agreement: AgreementValues }>({
    defaultValues: { agreement: a ? { ...a, legalBasis: a.legalBasis } : EMPTY_AGREEMENT },
    shouldFocusError: false,
  });
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync(agreementInputOf(v.agreement));
      if (file) await upload.mutateAsync(file);
    } catch {
      // shown by the error summary
    }
  });
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <Saved show={save.isSuccess && !upload.isError} />
      <FormErrors
        errors={form.formState.errors}
        serverError={save.error ?? upload.error}
        submitCount={form.formState.submitCount}
      />
      <AgreementFields form={form} />
      <DocumentField
        label={t('provision.provisionForm.document')}
        help={t('provision.provisionForm.documentHelp')}
        onChoose={setFile}
      />
      <button type="submit" className="btn-primary" disabled={save.isPending || upload.isPending}>
        {t('provision.party.save')}
      </button>
    </form>
  );
}

/** 書面 (A18-1): required outside public bodies; its fields and the signed document. */
export function AgreementSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const a = p.agreement;
  if (!p.agreementRequired && !a) return null;
  const k = 'provision.provisionForm';
  return (
    <Section title={t('provision.provisionPage.agreement')}>
      {p.agreementRequired && (
        <p className="mb-2 font-bold">{t('provision.provisionPage.agreementRequired')}</p>
      )}
      {!a ? (
        <p className="text-ink-muted">{t('provision.provisionPage.agreementMissing')}</p>
      ) : (
        <dl className="max-w-4xl">
          <TermItem term={t(`${k}.agPurpose`)}>{a.purpose}</TermItem>
          <TermItem term={t(`${k}.agLegalBasis`)}>{a.legalBasis || t('provision.none')}</TermItem>
          <TermItem term={t(`${k}.agRecordRange`)}>{a.recordRange}</TermItem>
          <TermItem term={t(`${k}.agItems`)}>{a.items}</TermItem>
          <TermItem term={t(`${k}.agUseForm`)}>{t(`provision.useForms.${a.useForm}`)}</TermItem>
          <TermItem term={t(`${k}.signedOn`)}>{dates.date(a.signedOn)}</TermItem>
          <TermItem term={t(`${k}.ourSignatory`)}>{a.ourSignatory}</TermItem>
          <TermItem term={t(`${k}.theirSignatory`)}>{a.theirSignatory}</TermItem>
          <TermItem term={t(`${k}.document`)}>
            {a.hasDocument ? (
              <a href={`${provisionPath(p.id)}/agreement/document`} download={a.documentName ?? undefined}>
                {a.documentName ?? t('provision.provisionPage.documentLink')}
              </a>
            ) : (
              t('provision.provisionPage.noDocument')
            )}
          </TermItem>
        </dl>
      )}
      {p.canEdit &&
        (a ? (
          <details className="mt-4">
            <summary className="cursor-pointer font-bold text-primary">
              {t('provision.provisionPage.editAgreement')}
            </summary>
            <AgreementForm provision={p} />
          </details>
        ) : (
          <AgreementForm provision={p} />
        ))}
    </Section>
  );
}

function MeasuresForm({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const save = useSaveMeasures(p.id);
  const m = p.measures;
  const form = useForm<{ measures: MeasuresValues }>({
    defaultValues: {
      measures: {
        measures: m.measures,
        other: m.other,
        confirmedOn: m.confirmedOn ?? '',
        confirmedBy: m.confirmedBy,
      },
    },
    shouldFocusError: false,
  });
  const submit = form.handleSubmit((v) =>
    save.mutateAsync(measuresInputOf(v.measures)).catch(() => undefined),
  );
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <Saved show={save.isSuccess} />
      <FormErrors
        errors={form.formState.errors}
        serverError={save.error}
        submitCount={form.formState.submitCount}
      />
      <MeasuresFields form={form} />
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {t('provision.provisionPage.saveMeasures')}
      </button>
    </form>
  );
}

/** 安全確保の措置 (A18-2; A18-3 for public bodies where deemed necessary), and the recipient's confirmation. */
export function MeasuresSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const m = p.measures;
  if (!p.measuresRequired && m.measures.length === 0) return null;
  return (
    <Section title={t('provision.provisionPage.measures')}>
      {m.measures.length === 0 && !m.other ? (
        <p className="text-ink-muted">{t('provision.provisionPage.measuresNone')}</p>
      ) : (
        <ul className="mb-2 list-disc pl-6">
          {m.measures.map((x: SafetyMeasure) => (
            <li key={x}>{t(`provision.measures.${x}`)}</li>
          ))}
          {m.other && <li className="whitespace-pre-wrap">{m.other}</li>}
        </ul>
      )}
      <p>
        {m.confirmedOn
          ? t('provision.provisionPage.confirmed', { date: dates.date(m.confirmedOn), by: m.confirmedBy })
          : t('provision.provisionPage.notConfirmed')}
      </p>
      {(p.canEdit || p.canRecordAct) && (
        <details className="mt-4" open={m.measures.length === 0}>
          <summary className="cursor-pointer font-bold text-primary">
            {t('provision.provisionPage.editMeasures')}
          </summary>
          <MeasuresForm provision={p} />
        </details>
      )}
    </Section>
  );
}
