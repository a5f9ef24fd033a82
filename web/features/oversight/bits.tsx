import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERSIGHT_DOCUMENT_TYPES } from '../../../shared/api/oversight.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** Small pieces shared by the oversight pages (issue 10; A9, A39–A41): notices, term lists, badges, files. */

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <LiveRegion>{show && <Alert tone="success" title={text ?? t('oversight.saved')} />}</LiveRegion>;
}

/** A term and its description in a two-column list. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line-soft py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="font-bold text-ink-strong">{term}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </div>
  );
}

const TONES = {
  good: 'border-success bg-success-soft text-ink-strong',
  warn: 'border-warning bg-warning-soft text-ink-strong',
  plain: 'border-line text-ink-muted',
  info: 'border-primary bg-primary-soft text-primary',
} as const;

/** A state in words (never colour alone); a warning carries its ⚠. */
export function Badge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`badge ${TONES[tone]}`}>
      {tone === 'warn' && <span aria-hidden="true">⚠ </span>}
      {children}
    </span>
  );
}

/** Documents the oversight pages accept (the server types them by their first bytes): PDF, images, Office. */
export const DOCUMENT_ACCEPT = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.docx',
  '.xlsx',
  '.pptx',
  ...OVERSIGHT_DOCUMENT_TYPES,
].join(',');

/** An optional file field (a document to attach), with its help text. */
export function DocumentField({
  label,
  help,
  onChoose,
  resetKey,
  accept = DOCUMENT_ACCEPT,
}: {
  label: string;
  help?: string;
  onChoose: (file: File | null) => void;
  resetKey?: number;
  accept?: string;
}) {
  const id = useId();
  return (
    <div className="mb-6">
      <label htmlFor={id} className="label mb-1 block">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
      <input
        key={resetKey}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={help ? `${id}-help` : undefined}
        className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

/** A link that downloads a stored document (the server checks who may read it and its SHA-256). */
export function DocumentLink({ href, name }: { href: string; name: string | null }) {
  const { t } = useTranslation();
  return (
    <a href={href} download={name ?? undefined}>
      {name ?? t('oversight.document')}
    </a>
  );
}

/** An optional text as the contract wants it: null when empty. */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());
