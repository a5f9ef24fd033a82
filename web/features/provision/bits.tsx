import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** Small pieces shared by the provision pages (issue 9): notices, term lists, state badges in words. */

export const required = (message: string) => ({
  validate: (v: string) => v.trim().length > 0 || message,
});
/** An optional text as the contract wants it: null when empty. */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The values of a checkbox group (a group of one may come back as a single value or false). */
export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <LiveRegion>{show && <Alert tone="success" title={text ?? t('provision.saved')} />}</LiveRegion>;
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
  bad: 'border-error bg-error-soft text-error',
  plain: 'border-line text-ink-muted',
  info: 'border-primary bg-primary-soft text-primary',
} as const;

/** A state in words (never colour alone); a warning carries its ⚠. */
export function Badge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`badge ${TONES[tone]}`}>
      {(tone === 'bad' || tone === 'warn') && <span aria-hidden="true">⚠ </span>}
      {children}
    </span>
  );
}

const CONTRACT_TONE = { draft: 'info', active: 'good', ending: 'warn', closed: 'plain' } as const;
export function ContractStatusBadge({ status }: { status: keyof typeof CONTRACT_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={CONTRACT_TONE[status]}>{t(`provision.contractStatuses.${status}`)}</Badge>;
}

const PROVISION_TONE = {
  draft: 'info',
  pending: 'warn',
  active: 'good',
  rejected: 'bad',
  closed: 'plain',
} as const;
export function ProvisionStatusBadge({ status }: { status: keyof typeof PROVISION_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={PROVISION_TONE[status]}>{t(`provision.provisionStatuses.${status}`)}</Badge>;
}

const CHECK_TONE = { none: 'warn', current: 'good', overdue: 'bad', not_applicable: 'plain' } as const;
export function CheckStateBadge({ state }: { state: keyof typeof CHECK_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={CHECK_TONE[state]}>{t(`provision.checkStates.${state}`)}</Badge>;
}

/** A file field of the provision forms (optional; PDF or image). */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
export function DocumentField({
  label,
  help,
  onChoose,
  resetKey,
}: {
  label: string;
  help?: string;
  onChoose: (file: File | null) => void;
  resetKey?: number;
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
        accept={DOCUMENT_ACCEPT}
        aria-describedby={help ? `${id}-help` : undefined}
        className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
