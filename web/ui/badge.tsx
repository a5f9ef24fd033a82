import type { ReactNode } from 'react';

const TONES = {
  good: 'border-success bg-success-soft text-ink-strong',
  warn: 'border-warning bg-warning-soft text-ink-strong',
  bad: 'border-error bg-error-soft text-error',
  plain: 'border-line text-ink-muted',
  info: 'border-primary bg-primary-soft text-primary',
} as const;
export type Tone = keyof typeof TONES;

/** A state in words (never colour alone); a warning or a fault carries its ⚠. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge ${TONES[tone]}`}>
      {(tone === 'bad' || tone === 'warn') && <span aria-hidden="true">⚠ </span>}
      {children}
    </span>
  );
}
