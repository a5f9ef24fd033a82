import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Purpose, VaultFileView } from '../../../shared/api/vault.ts';
import { RequiredBadge, fieldErrorText } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';

/**
 * A11-3, A17-1: personal information is used only for a purpose registered for its file. The purpose
 * is asked for when a person opens a file, travels in the URL as its code (`?purpose=enrolment`: a
 * code, not personal data) so that every page and every request names it, and stays on screen while
 * they work.
 */
export const PURPOSE_PARAM = 'purpose';

/** A path of the file's pages with the purpose in its query. */
export function withPurpose(path: string, purpose: Purpose | string): string {
  const code = typeof purpose === 'string' ? purpose : purpose.code;
  return `${path}?${new URLSearchParams({ [PURPOSE_PARAM]: code }).toString()}`;
}

/** The file's first page, with the purpose of the current URL when there is one (for breadcrumbs). */
export function useFileLink(fileId: string): string {
  const [params] = useSearchParams();
  const code = params.get(PURPOSE_PARAM);
  const base = `/vault/files/${fileId}`;
  return code ? withPurpose(base, code) : base;
}

/** The purpose named in the URL when it is one of the file's, else null. */
export function useChosenPurpose(file: VaultFileView | undefined): Purpose | null {
  const [params] = useSearchParams();
  const code = params.get(PURPOSE_PARAM);
  return file?.purposes.find((p) => p.code === code) ?? null;
}

function PurposeChooser({ file }: { file: VaultFileView }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const form = useForm<{ purpose: string }>({ defaultValues: { purpose: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const errorText = fieldErrorText(errors.purpose, t);
  const submit = form.handleSubmit(({ purpose }) =>
    setParams((p) => {
      p.set(PURPOSE_PARAM, purpose);
      return p;
    }),
  );
  return (
    <section aria-labelledby="purpose-heading" className="card max-w-3xl">
      <h2 id="purpose-heading" className="mb-2 text-2xl">
        {t('vault.purpose.chooseTitle')}
      </h2>
      <p className="mb-4">{t('vault.purpose.chooseLead')}</p>
      <div className="mb-6 rounded-lg bg-surface-muted p-4">
        <p className="font-bold">{t('vault.purpose.registered')}</p>
        <p className="whitespace-pre-line">{file.registeredPurpose}</p>
      </div>
      <FormErrors errors={errors} serverError={null} submitCount={submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <fieldset
          className={`mb-6 ${errorText ? 'border-l-4 border-error pl-4' : ''}`}
          aria-describedby={errorText ? 'purpose-help purpose-error' : 'purpose-help'}
        >
          <legend className="mb-1 flex flex-wrap items-center gap-2">
            <span className="label">{t('vault.purpose.label')}</span>
            <RequiredBadge />
          </legend>
          <p id="purpose-help" className="mb-2 text-sm text-ink-muted">
            {t('vault.purpose.help')}
          </p>
          {errorText && (
            <p id="purpose-error" className="mb-2 font-bold text-error">
              <span aria-hidden="true">⚠ </span>
              {errorText}
            </p>
          )}
          {/* One purpose a line: they are sentences, and a list reads better than a row. */}
          <div className="grid gap-2">
            {file.purposes.map((p) => (
              <label
                key={p.code}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line-soft px-4 py-2 hover:bg-surface-muted has-[:checked]:border-primary has-[:checked]:bg-primary-soft"
              >
                <input
                  type="radio"
                  value={p.code}
                  className="size-6 shrink-0 accent-primary"
                  aria-invalid={errorText ? true : undefined}
                  {...form.register('purpose', { required: 'i18n:vault.purpose.required' })}
                />
                <span>
                  {p.label}
                  {p.myNumberAct && <MyNumberActBadge />}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary">
          {t('vault.purpose.open')}
        </button>
      </form>
    </section>
  );
}

/** A purpose of the My Number Act (番号法第9条): the only ones for which My Numbers are used (A7の2). */
export function MyNumberActBadge() {
  const { t } = useTranslation();
  return (
    <span className="ml-3 badge border-warning bg-surface text-warning">
      {t('vault.purpose.myNumberBadge')}
    </span>
  );
}

/** The purpose one is working for, on every page of the file, with the way to change it. */
export function PurposeBanner({ purpose }: { purpose: Purpose }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div
      role="note"
      aria-label={t('vault.purpose.bannerLabel')}
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-primary bg-primary-soft px-4 py-3"
    >
      <p className="font-bold text-ink-strong">
        {t('vault.purpose.banner', { label: purpose.label })}
        {purpose.myNumberAct && <MyNumberActBadge />}
      </p>
      {/* Back to the choice: the file's first page without a purpose asks again. */}
      <Link
        to={pathname.replace(/^(\/vault\/files\/[^/]+).*$/, '$1')}
        className="btn-secondary btn-sm"
        aria-label={t('vault.purpose.changeLabel')}
      >
        {t('vault.purpose.change')}
      </Link>
    </div>
  );
}

/**
 * Shows the file's pages only once a registered purpose is chosen: until then, the choice (A11-3).
 * The children get the purpose to name in every request.
 */
export function PurposeGate({
  file,
  children,
}: {
  file: VaultFileView;
  children: (purpose: Purpose) => ReactNode;
}) {
  const purpose = useChosenPurpose(file);
  if (!purpose) return <PurposeChooser file={file} />;
  return (
    <>
      <PurposeBanner purpose={purpose} />
      {children(purpose)}
    </>
  );
}
