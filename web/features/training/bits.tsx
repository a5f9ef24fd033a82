import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** Small pieces shared by the training pages (issue 10; A10): notices, term lists, states in words. */

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
  return <LiveRegion>{show && <Alert tone="success" title={text ?? t('training.saved')} />}</LiveRegion>;
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
export type Tone = keyof typeof TONES;

/** A state in words (never colour alone); a warning carries its ⚠. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge ${TONES[tone]}`}>
      {(tone === 'bad' || tone === 'warn') && <span aria-hidden="true">⚠ </span>}
      {children}
    </span>
  );
}
